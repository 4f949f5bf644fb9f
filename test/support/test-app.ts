import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { pino } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup.js';
import { CreateUserDto } from '../../src/auth/dto/user.dto.js';
import { User } from '../../src/auth/entities/user.entity.js';
import { Role } from '../../src/auth/role.js';
import { UsersService } from '../../src/auth/users.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, TestDatabase } from './test-database.js';

export interface TestUser {
  user: User;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** Ready-made header: `.set(u.auth)`. */
  auth: { Authorization: string };
}

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL of the listening server (for socket.io clients and raw HTTP). */
  url: string;
  http(): ReturnType<typeof request>;
  dataSource: DataSource;
  database: TestDatabase;
  config: AppConfig & { databaseUrl: string };
  createUser(opts?: {
    roles?: Role[];
    email?: string;
    password?: string;
    personId?: string;
    displayName?: string;
  }): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Run on this (already migrated) database instead of a fresh one, e.g. a second node of a cluster; it is left
   * for its owner to drop. Pass the same `jwt` override too, so that both nodes accept the same tokens.
   */
  database?: TestDatabase;
  /** Connect through this URL (e.g. a TCP proxy in front of PostgreSQL) instead of the database's own. */
  connectUrl?: string;
}

/** The whole service on port 0, on its own fresh migrated database (or a shared one, see TestAppOptions). */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  opts: TestAppOptions = {},
): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const ownsDatabase = !opts.database;
  const base = loadConfig({ NODE_ENV: 'test' }, []);
  const config = {
    ...base,
    rateLimit: { perMinute: 100_000, loginPerMinute: 100_000 },
    chat: { maxMessagesPerMinute: 100_000 },
    loginThrottle: { ...base.loginThrottle, perAddressPerMinute: 100_000 },
    ...overrides,
    databaseUrl: opts.connectUrl ?? database.url,
    jwt: { ...base.jwt, secret: randomBytes(32).toString('hex'), ...overrides.jwt },
  };
  const app = await createApp(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const dataSource = app.get<DataSource>(getDataSourceToken());
  let counter = 0;

  const testApp: TestApp = {
    app,
    url: `http://127.0.0.1:${port}`,
    http: () => request(app.getHttpServer()),
    dataSource,
    database,
    config,
    async createUser(opts = {}) {
      const email = (
        opts.email ?? `user${++counter}.${randomBytes(3).toString('hex')}@test.ungpho.vn`
      ).toLowerCase();
      const password = opts.password ?? `Mk-${randomBytes(9).toString('base64url')}`;
      const dto: CreateUserDto = {
        email,
        password,
        displayName: opts.displayName ?? `Người dùng thử ${counter}`,
        roles: opts.roles ?? [Role.Officer],
        personId: opts.personId,
      };
      const user = await app.get(UsersService).create(dto);
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password });
      if (res.status !== 200)
        throw new Error(`login failed for test user: ${res.status} ${JSON.stringify(res.body)}`);
      return {
        user,
        email,
        password,
        accessToken: res.body.accessToken,
        refreshToken: res.body.refreshToken,
        auth: { Authorization: `Bearer ${res.body.accessToken}` },
      };
    },
    async close() {
      await app.close();
      if (ownsDatabase) await database.drop();
    },
  };
  return testApp;
}
