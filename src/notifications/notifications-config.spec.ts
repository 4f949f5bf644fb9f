import { ConfigError, loadConfig } from '../config/app-config.js';

/** The variables of the jobs worker and the notification channels (the rest: src/config/app-config.spec.ts). */
describe(`${loadConfig.name}: jobs and notifications`, () => {
  it('defaults: worker on, channels off until configured', () => {
    const config = loadConfig({}, []);
    expect(config.jobs).toEqual({
      workerEnabled: true,
      pollIntervalMs: 1000,
      maxAttempts: 5,
      retryBaseMs: 10_000,
    });
    expect(config.notifications).toEqual({
      smtp: undefined,
      webhook: undefined,
      maxAttempts: 8,
      retryBaseMs: 10_000,
    });
  });

  it('reads the SMTP and webhook channels', () => {
    const config = loadConfig(
      {
        SMTP_URL: 'smtps://ungpho:mat-khau@mail.anhoa.gov.vn:465',
        SMTP_FROM: '"Ứng phó An Hòa" <ungpho@anhoa.gov.vn>',
        NOTIFY_WEBHOOK_URL: 'https://sms.anhoa.gov.vn/hook',
        NOTIFY_WEBHOOK_SECRET: 'x'.repeat(16),
        NOTIFY_WEBHOOK_TIMEOUT_MS: '5000',
        JOBS_WORKER_ENABLED: 'false',
        JOBS_POLL_INTERVAL_MS: '250',
      },
      [],
    );
    expect(config.notifications.smtp).toEqual({
      url: 'smtps://ungpho:mat-khau@mail.anhoa.gov.vn:465',
      from: '"Ứng phó An Hòa" <ungpho@anhoa.gov.vn>',
    });
    expect(config.notifications.webhook).toEqual({
      url: 'https://sms.anhoa.gov.vn/hook',
      secret: 'x'.repeat(16),
      timeoutMs: 5000,
    });
    expect(config.jobs).toMatchObject({ workerEnabled: false, pollIntervalMs: 250 });
  });

  it('names bad values without printing secrets', () => {
    let error: unknown;
    try {
      loadConfig(
        {
          SMTP_URL: 'http://user:bi-mat@mail',
          SMTP_FROM: 'không phải địa chỉ',
          NOTIFY_WEBHOOK_URL: 'https://sms.anhoa.gov.vn/hook',
          NOTIFY_WEBHOOK_SECRET: 'ngan-qua',
          JOBS_POLL_INTERVAL_MS: '0',
          NOTIFY_MAX_ATTEMPTS: 'nhiều',
        },
        [],
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      'SMTP_URL',
      'SMTP_FROM',
      'NOTIFY_WEBHOOK_SECRET',
      'JOBS_POLL_INTERVAL_MS',
      'NOTIFY_MAX_ATTEMPTS',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('bi-mat');
    expect(message).not.toContain('ngan-qua');
  });

  it('requires the secret with the webhook URL', () => {
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'https://sms.anhoa.gov.vn/hook' }, [])).toThrow(
      /NOTIFY_WEBHOOK_SECRET: bắt buộc/,
    );
  });
});
