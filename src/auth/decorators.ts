import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from './role.js';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

/** Opens a route to anonymous callers; every other route needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route (or controller) to users holding at least one of the roles. Admin passes every check. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated user, as loaded by the guard. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
  /**
   * The unit of the directory person when that person is active, null when none or deactivated; loaded with the
   * account by `SessionUsers`. Undefined where the account was not loaded that way (the unit is then read again).
   */
  personUnitId?: string | null;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
