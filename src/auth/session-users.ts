import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { AuthUser } from './decorators.js';
import { User } from './entities/user.entity.js';
import { TokenService } from './token.service.js';

/** A signed-in account, as the HTTP guard and the socket handshake both see it. */
export interface Session {
  user: AuthUser;
  /** When the access token expires (seconds since the epoch): a socket lives no longer. */
  tokenExp: number;
}

/**
 * The one token → user loader: verifies the access token, loads the account with its directory person, refuses a
 * locked or deleted account, then a token from before the account's sessions ended (in that order: a locked
 * account says so first). The HTTP guard and the `/rooms` handshake both call `fromToken`; socket commands re-read
 * the account through `current`.
 */
@Injectable()
export class SessionUsers {
  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async fromToken(token: unknown): Promise<Session> {
    if (typeof token !== 'string' || !token) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Cần đăng nhập (thiếu mã truy cập)');
    }
    const claims = await this.tokens.verifyAccess(token);
    const user = await this.load(claims.sub);
    this.tokens.assertCurrentSession(claims, user);
    const tokenExp = (claims as { exp?: number }).exp ?? Math.floor(Date.now() / 1000) + 900;
    return { user: toAuthUser(user), tokenExp };
  }

  /** The account as it is now; locked or deleted accounts are refused. */
  async current(userId: string): Promise<AuthUser> {
    return toAuthUser(await this.load(userId));
  }

  /** The account if it is still active, else null (revocation checks). */
  async active(userId: string): Promise<AuthUser | null> {
    const user = await this.find(userId);
    return user?.active ? toAuthUser(user) : null;
  }

  private async load(userId: string): Promise<User> {
    const user = await this.find(userId);
    if (!user) throw new AppError(ErrorCode.TOKEN_INVALID, 'Tài khoản không còn tồn tại');
    if (!user.active)
      throw new AppError(ErrorCode.ACCOUNT_DISABLED, 'Tài khoản đã bị khóa, liên hệ quản trị viên');
    return user;
  }

  private find(userId: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, relations: { person: true } });
  }
}

function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    personId: user.personId,
    // A deactivated person acts for no unit, even while the account stays active.
    personUnitId: user.person?.active ? user.person.orgUnitId : null,
  };
}
