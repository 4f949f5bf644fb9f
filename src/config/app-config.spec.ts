import { ConfigError, loadConfig } from './app-config.js';

describe(loadConfig.name, () => {
  it('gives defaults for an empty environment', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: undefined,
      embeddedPgDir: '.data/postgres',
      webDistDir: 'web/dist',
      admin: { email: 'admin@ungpho.local' },
      demo: false,
    });
  });

  it('reads --demo and UNGPHO_DEMO', () => {
    expect(loadConfig({}, ['node', 'main.js', '--demo']).demo).toBe(true);
    expect(loadConfig({ UNGPHO_DEMO: 'true' }, []).demo).toBe(true);
    expect(loadConfig({ UNGPHO_DEMO: '0' }, []).demo).toBe(false);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig(
        {
          PORT: 'abc',
          DATABASE_URL: 'mysql://x',
          UNGPHO_ADMIN_EMAIL: 'khong-phai-email',
          JWT_ACCESS_TTL: '5',
        },
        [],
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'UNGPHO_ADMIN_EMAIL', 'JWT_ACCESS_TTL'])
      expect(message).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('never prints credentials of a bad URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgress://ungpho:S3cret@db/ungpho' }, [])).toThrow(
      /DATABASE_URL/,
    );
    try {
      loadConfig({ DATABASE_URL: 'postgress://ungpho:S3cret@db/ungpho', REDIS_URL: 'http://u:R3dis@h' }, []);
    } catch (e) {
      expect((e as Error).message).not.toMatch(/S3cret|R3dis/);
      expect((e as Error).message).toContain('//***@db/ungpho');
    }
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, [])).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, []).env).toBe('production');
  });

  it('parses the CORS allow-list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.vn, https://b.vn' }, []).corsOrigins).toEqual([
      'https://a.vn',
      'https://b.vn',
    ]);
    expect(loadConfig({}, []).corsOrigins).toBe(true);
  });
});
