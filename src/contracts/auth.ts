/** Accounts and sessions. Plain TypeScript shared by the service and the web console: no Nest or TypeORM imports. */

import type { Person } from './directory.js';
import type { Role } from './enums.js';

/** An account (never its password hash). */
export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  personId: string | null;
  /** The person in the directory, where the route loads it (`/me`, `/users`). */
  person?: Person | null;
  lastLoginAt: string | null;
  sessionVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface LoginResult {
  accessToken: string;
  /** Seconds. */
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: User;
}

export interface LogoutResult {
  revoked: number;
}
