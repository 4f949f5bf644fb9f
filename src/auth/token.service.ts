import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { User } from './entities/user.entity.js';

export interface AccessTokenClaims {
  sub: string;
  email: string;
  roles: string[];
  typ: 'access';
  /** The account's session version when issued (User.sessionVersion). */
  sv?: number;
}

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issues short-lived JWT access tokens and opaque rotating refresh tokens (`<id>.<secret>`). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    manager: EntityManager,
    user: User,
    familyId: string = randomUUID(),
    userAgent?: string,
  ): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000);
    const row = await manager.save(
      manager.create(RefreshToken, {
        userId: user.id,
        familyId,
        secretHash: sha256(secret),
        expiresAt,
        userAgent: userAgent?.slice(0, 300) ?? null,
      }),
    );
    const claims: AccessTokenClaims = {
      sub: user.id,
      email: user.email,
      roles: user.roles,
      typ: 'access',
      sv: user.sessionVersion ?? 0,
    };
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: this.config.jwt.accessTtlSeconds }),
      accessTokenExpiresIn: this.config.jwt.accessTtlSeconds,
      refreshToken: `${row.id}.${secret}`,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }

  /** Finds the refresh token row (locked for update) whose secret matches; throws TOKEN_INVALID otherwise. */
  async findForRotation(manager: EntityManager, presented: string): Promise<RefreshToken> {
    const [id, secret] = presented.split('.');
    const invalid = new AppError(
      ErrorCode.TOKEN_INVALID,
      'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại',
    );
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;
    const row = await manager.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw invalid;
    const a = Buffer.from(row.secretHash, 'hex');
    const b = Buffer.from(sha256(secret), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid;
    return row;
  }

  async verifyAccess(token: string): Promise<AccessTokenClaims> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (claims.typ !== 'access') throw new Error('wrong token type');
      return claims;
    } catch {
      throw new AppError(ErrorCode.TOKEN_INVALID, 'Mã truy cập không hợp lệ hoặc đã hết hạn');
    }
  }

  /** A token issued before every session of the account was ended is no longer valid. */
  assertCurrentSession(claims: AccessTokenClaims, user: Pick<User, 'sessionVersion'>): void {
    if ((claims.sv ?? 0) !== user.sessionVersion) {
      throw new AppError(
        ErrorCode.TOKEN_INVALID,
        'Phiên đăng nhập đã kết thúc (đăng xuất hoặc đổi mật khẩu), vui lòng đăng nhập lại',
      );
    }
  }
}
