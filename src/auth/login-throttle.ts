import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ipKeyGenerator } from 'express-rate-limit';
import { AppError, ErrorCode } from '../common/app-error.js';
import { createCounterStore } from '../common/counter-store.js';
import type { CounterStore } from '../common/counter-store.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

const MINUTE = 60_000;
/** How long consecutive failures of an account are remembered. */
const FAILURE_MEMORY_MS = 24 * 3600_000;

/**
 * Password guessing limits, checked before any password hash is computed (a refused attempt costs no argon2):
 * a budget per client address (behind the configured trusted proxies: the client's own address) and per account,
 * per minute; and per account a lockout that doubles with each failure after the first few in a row, so a guesser
 * spread over many addresses gets nowhere while the owner, after a typo or two, is not held up. Counters live in
 * Redis when REDIS_URL is set, so every node counts the same attempts.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly store: CounterStore;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.store = createCounterStore(config.redisUrl, config.redisKeyPrefix);
  }

  async onModuleDestroy() {
    await this.store.close();
  }

  private account(email: string) {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
  }

  /**
   * Throws RATE_LIMITED (429) when the address or the account has used its budget, or the account is locked.
   * Redis unreachable: logins go on without the shared counters (logged), rather than nobody logging in.
   */
  async check(ip: string | undefined, email: string): Promise<void> {
    try {
      await this.checkCounters(ip, email);
    } catch (e) {
      if (e instanceof AppError) throw e;
      this.logger.warn(`login counters unavailable: ${(e as Error).message}`);
    }
  }

  private async checkCounters(ip: string | undefined, email: string): Promise<void> {
    const limits = this.config.loginThrottle;
    const account = this.account(email);
    const lockedUntil = await this.store.get(`login:lock:${account}`);
    if (lockedUntil > Date.now()) {
      const seconds = Math.ceil((lockedUntil - Date.now()) / 1000);
      throw tooMany(
        `Tài khoản tạm thời bị khóa đăng nhập do nhập sai mật khẩu nhiều lần; thử lại sau ${seconds} giây`,
        seconds,
      );
    }
    const address = ipKeyGenerator(ip ?? '');
    if ((await this.store.hit(`login:ip:${address}`, MINUTE)) > limits.perAddressPerMinute) {
      throw tooMany('Quá nhiều lần đăng nhập từ địa chỉ này, vui lòng thử lại sau ít phút', 60);
    }
    if ((await this.store.hit(`login:acct:${account}`, MINUTE)) > this.config.rateLimit.loginPerMinute) {
      throw tooMany('Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', 60);
    }
  }

  /** A wrong password (or an unknown e-mail): past the free failures, the account waits, twice as long each time. */
  async failed(email: string): Promise<void> {
    await this.recordFailure(email).catch((e: Error) =>
      this.logger.warn(`login counters unavailable: ${e.message}`),
    );
  }

  private async recordFailure(email: string): Promise<void> {
    const limits = this.config.loginThrottle;
    const account = this.account(email);
    const failures = await this.store.bump(`login:fail:${account}`, FAILURE_MEMORY_MS);
    if (failures < limits.lockoutAfterFailures) return;
    const seconds = Math.min(
      limits.lockoutMaxSeconds,
      limits.lockoutBaseSeconds * 2 ** Math.min(30, failures - limits.lockoutAfterFailures),
    );
    await this.store.set(`login:lock:${account}`, Date.now() + seconds * 1000, seconds * 1000);
  }

  async succeeded(email: string): Promise<void> {
    const account = this.account(email);
    await this.store
      .delete(`login:fail:${account}`, `login:lock:${account}`)
      .catch((e: Error) => this.logger.warn(`login counters unavailable: ${e.message}`));
  }
}

function tooMany(message: string, retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
}
