import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../common/app-error.js';
import { requestContext } from '../common/request-context.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
import type { AuthUser } from './decorators.js';
import { Role } from './role.js';
import { SessionUsers } from './session-users.js';

/**
 * Global guard: every route needs a valid access token unless marked @Public(); @Roles() narrows further.
 * The user is re-read on each request (`SessionUsers`, shared with the socket handshake) so that a locked account or a changed role takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Cần đăng nhập (thiếu mã truy cập Bearer)');
    const { user } = await this.sessions.fromToken(match[1]);
    req.user = user;
    requestContext.set({ userId: user.id });

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (
      required?.length &&
      !user.roles.includes(Role.Admin) &&
      !required.some((r) => user.roles.includes(r))
    ) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `Thao tác này cần một trong các vai trò: ${required.join(', ')}`,
      );
    }
    return true;
  }
}
