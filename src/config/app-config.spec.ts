import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('base64url') }, []).env,
    ).toBe('production');
  });

  it('parses the CORS allow-list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.vn, https://b.vn' }, []).corsOrigins).toEqual([
      'https://a.vn',
      'https://b.vn',
    ]);
    expect(loadConfig({}, []).corsOrigins).toBe(true);
  });

  describe('deployment examples cannot be copied unsafely', () => {
    const example = Object.fromEntries(
      readFileSync(new URL('../../docker/.env.example', import.meta.url), 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );

    it('refuses docker/.env.example as it is (no JWT secret), and a placeholder or weak JWT secret', () => {
      expect(() => loadConfig(example, [])).toThrow(/JWT_SECRET/);
      for (const weak of [
        'change-me-to-at-least-32-random-characters-000000',
        'CHANGEME-CHANGEME-CHANGEME-CHANGEME',
        'x'.repeat(40),
        'abababababababababababababababab12',
        'my-jwt-secret-for-the-ungpho-service',
      ]) {
        expect(() => loadConfig({ ...example, JWT_SECRET: weak }, [])).toThrow(
          /JWT_SECRET: đang là giá trị mẫu/,
        );
      }
    });

    it('boots with the example once a real secret is set; its empty admin password means "generate one"', () => {
      const config = loadConfig({ ...example, JWT_SECRET: randomBytes(48).toString('base64') }, []);
      expect(example.UNGPHO_ADMIN_PASSWORD).toBe('');
      expect(config.admin.password).toBeUndefined();
      expect(() => loadConfig({ UNGPHO_ADMIN_PASSWORD: 'short' }, [])).toThrow(/UNGPHO_ADMIN_PASSWORD/);
    });
  });

  describe('TRUST_PROXY', () => {
    it('defaults to loopback, accepts keywords, addresses, CIDR ranges, a hop count or none', () => {
      expect(loadConfig({}, []).trustProxy).toEqual(['loopback']);
      expect(loadConfig({ TRUST_PROXY: 'none' }, []).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '2' }, []).trustProxy).toBe(2);
      expect(
        loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 192.168.1.10, fd00::/8' }, []).trustProxy,
      ).toEqual(['loopback', '10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
    });

    it('refuses what is not a proxy address, naming the variable', () => {
      for (const bad of ['10.0.0.0/33', 'proxy.local', '1.2.3', '0', '11', '10.0.0.0/8/1', 'true']) {
        expect(() => loadConfig({ TRUST_PROXY: bad }, [])).toThrow(/TRUST_PROXY/);
      }
    });
  });
});
