import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { User } from './entities/user.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { hashPassword, verifyPassword } from './password.js';
import { LoginThrottle } from './login-throttle.js';
import { TokenPair, TokenService } from './token.service.js';
import { UserAccessChanges } from './user-access-changes.js';
import { UsersRepository } from './users.repository.js';

/** Compared against when the e-mail is unknown, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export interface LoginResult extends TokenPair {
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly accessChanges: UserAccessChanges,
    private readonly throttle: LoginThrottle,
    private readonly users: UsersRepository,
  ) {}

  async login(email: string, password: string, userAgent?: string, ip?: string): Promise<LoginResult> {
    await this.throttle.check(ip, email);
    const user = await this.users.withPasswordByEmail(email);
    const invalid = new AppError(ErrorCode.INVALID_CREDENTIALS, 'E-mail hoặc mật khẩu không đúng');
    if (!user) {
      dummyHash ??= hashPassword('ungpho-dummy-password');
      await verifyPassword(await dummyHash, password);
      await this.throttle.failed(email);
      throw invalid;
    }
    const passwordRight = await verifyPassword(user.passwordHash, password);
    // A locked account answers the same whatever the password: the answer must not confirm a guessed password.
    if (!user.active) {
      await this.throttle.failed(email);
      throw new AppError(
        ErrorCode.ACCOUNT_DISABLED,
        'Không đăng nhập được: tài khoản đã bị khóa hoặc thông tin đăng nhập không đúng; liên hệ quản trị viên',
      );
    }
    if (!passwordRight) {
      await this.throttle.failed(email);
      throw invalid;
    }
    await this.throttle.succeeded(email);

    return this.dataSource.transaction(async (manager) => {
      user.lastLoginAt = new Date();
      await manager.update(User, user.id, { lastLoginAt: user.lastLoginAt });
      const pair = await this.tokens.issue(manager, user, undefined, userAgent);
      await this.audit.record(manager, {
        action: 'auth.logged_in',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
      });
      const { passwordHash: _omit, ...safe } = user;
      return { ...pair, user: safe as User };
    });
  }

  /**
   * Rotates a refresh token. A token presented a second time (already used or revoked) means it was copied:
   * the whole family is revoked, the legitimate holder included, and the caller must log in again.
   */
  async refresh(presented: string, userAgent?: string): Promise<LoginResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.findForRotation(manager, presented);
      if (row.usedAt || row.revokedAt) {
        await manager.update(
          RefreshToken,
          { familyId: row.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        await this.audit.record(manager, {
          action: 'auth.refresh_reused',
          entityType: 'user',
          entityId: row.userId,
          actorUserId: row.userId,
          data: { familyId: row.familyId, tokenId: row.id },
        });
        return { reused: true as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) {
        throw new AppError(ErrorCode.TOKEN_INVALID, 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại');
      }
      const user = await manager.findOneBy(User, { id: row.userId });
      if (!user || !user.active) {
        throw new AppError(ErrorCode.ACCOUNT_DISABLED, 'Tài khoản đã bị khóa, liên hệ quản trị viên');
      }
      await manager.update(RefreshToken, row.id, { usedAt: new Date() });
      const pair = await this.tokens.issue(manager, user, row.familyId, userAgent);
      return { reused: false as const, result: { ...pair, user } };
    });
    // Thrown after commit so that the family revocation is kept.
    if (outcome.reused) {
      throw new AppError(
        ErrorCode.REFRESH_TOKEN_REUSED,
        'Refresh token đã được dùng trước đó; mọi phiên liên quan đã bị thu hồi, vui lòng đăng nhập lại',
      );
    }
    return outcome.result;
  }

  async logout(userId: string, refreshToken?: string, allDevices = false): Promise<{ revoked: number }> {
    const result = await this.dataSource.transaction(async (manager) => {
      let revoked = 0;
      if (allDevices) {
        const res = await manager.update(
          RefreshToken,
          { userId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        revoked = res.affected ?? 0;
        // Access tokens already handed out stop working too (HTTP and live sockets), not only at their expiry.
        await manager.increment(User, { id: userId }, 'sessionVersion', 1);
      } else if (refreshToken) {
        const row = await this.tokens.findForRotation(manager, refreshToken);
        if (row.userId !== userId)
          throw new AppError(ErrorCode.FORBIDDEN, 'Refresh token không thuộc tài khoản này');
        const res = await manager.update(
          RefreshToken,
          { familyId: row.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        revoked = res.affected ?? 0;
      }
      await this.audit.record(manager, {
        action: 'auth.logged_out',
        entityType: 'user',
        entityId: userId,
        data: { allDevices, revoked },
      });
      return { revoked };
    });
    // After commit: the account's live sockets, on every node, are cut.
    if (allDevices) await this.accessChanges.publish({ userId, active: true, sessionsEnded: true });
    return result;
  }
}
