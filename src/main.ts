import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app.setup.js';
import { ensureInitialData } from './bootstrap/initial-data.js';
import { localJwtSecret } from './bootstrap/secrets.js';
import { createRootLogger } from './common/logger.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import type { AppConfig } from './config/app-config.js';
import { EmbeddedDatabase, startEmbeddedDatabase } from './database/embedded-database.js';

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createRootLogger(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    logger.info({ dir: config.embeddedPgDir }, 'Không có DATABASE_URL: khởi động PostgreSQL nhúng');
    embedded = await startEmbeddedDatabase(config.embeddedPgDir, {
      log: (line) => logger.debug({ component: 'embedded-postgres' }, line.trim()),
    });
    logger.info({ port: embedded.port }, 'PostgreSQL nhúng đã sẵn sàng');
  }
  const jwtSecret = config.jwt.secret ?? localJwtSecret();
  const resolved = {
    ...config,
    databaseUrl: config.databaseUrl ?? embedded!.url,
    jwt: { ...config.jwt, secret: jwtSecret },
  };

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Đang dừng dịch vụ…');
    const timer = setTimeout(() => {
      logger.error('Dừng quá lâu, buộc thoát');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    try {
      await app?.close();
      await embedded?.stop();
      logger.info('Đã dừng.');
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await createApp(resolved, logger);
    const report = await ensureInitialData(app, {
      adminEmail: config.admin.email,
      adminPassword: config.admin.password,
      loadDemo: !config.databaseUrl || config.demo,
      demoPassword: process.env.UNGPHO_DEMO_PASSWORD,
    });
    await app.listen(config.port, config.host);
    printWelcome(config, report, embedded);
  } catch (e) {
    logger.error({ err: e }, 'Khởi động thất bại');
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

function printWelcome(
  config: AppConfig,
  report: Awaited<ReturnType<typeof ensureInitialData>>,
  embedded?: EmbeddedDatabase,
) {
  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    '  ungpho đang chạy',
    existsSync(path.join(config.webDistDir, 'index.html'))
      ? `  Giao diện web:  ${base}/`
      : '  Giao diện web:  chưa build (npm run build:web)',
    `  API:            ${base}/api`,
    `  Tài liệu API:   ${base}/docs  (OpenAPI JSON: ${base}/docs-json)`,
    `  Tình trạng:     ${base}/health`,
    `  Cơ sở dữ liệu:  ${embedded ? `PostgreSQL nhúng (cổng ${embedded.port}, dữ liệu trong ${config.embeddedPgDir})` : 'DATABASE_URL'}`,
    '',
    `  Đăng nhập quản trị: POST ${base}/api/auth/login  e-mail ${report.admin.email}`,
  ];
  if (report.admin.generatedPassword) {
    lines.push(`  Mật khẩu quản trị (chỉ hiện một lần, hãy lưu lại): ${report.admin.generatedPassword}`);
  } else if (report.admin.created) {
    lines.push('  Mật khẩu quản trị: giá trị của UNGPHO_ADMIN_PASSWORD');
  } else {
    lines.push('  (tài khoản quản trị đã có từ trước; mật khẩu không đổi)');
  }
  if (report.demo) {
    lines.push(
      '',
      `  Đã nạp dữ liệu mẫu: ${report.demo.orgUnits} đơn vị, ${report.demo.people} người.`,
      report.demo.generatedPassword
        ? `  Tài khoản mẫu (mật khẩu chung, chỉ hiện một lần, hãy lưu lại: ${report.demo.generatedPassword}):`
        : '  Tài khoản mẫu (mật khẩu chung: giá trị của UNGPHO_DEMO_PASSWORD):',
      ...report.demo.users.map(
        (u) => `    ${u.email.padEnd(24)} ${u.displayName} — ${u.part} [${u.roles.join(', ')}]`,
      ),
    );
  }
  lines.push('', '  Dừng: Ctrl-C', '');
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
