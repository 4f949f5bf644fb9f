import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AuthUser } from '../auth/decorators.js';
import { User } from '../auth/entities/user.entity.js';
import { TokenService } from '../auth/token.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { Incident } from '../incidents/entities/incident.entity.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import type { RoomMember } from './rooms.events.js';

/**
 * Who may be in a live room. One place on purpose: `canJoin` (access/IncidentVisibility.canSee, which counts
 * working-group members) and `members`; the gateway, every command and the revocation checks all go through here.
 */
@Injectable()
export class RoomAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly incidents: IncidentsService,
    private readonly visibility: IncidentVisibility,
  ) {}

  /** Handshake: a valid access token of an active account (re-read from the database, like the HTTP guard). */
  async authenticate(token: unknown): Promise<{ user: AuthUser; tokenExp: number }> {
    if (typeof token !== 'string' || !token) {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Cần đăng nhập: gửi mã truy cập trong auth.token khi kết nối',
      );
    }
    const claims = await this.tokens.verifyAccess(token);
    // A locked account says so first; then a token from before the account's sessions ended is refused.
    const user = await this.currentUser(claims.sub);
    const row = await this.dataSource.getRepository(User).findOneBy({ id: claims.sub });
    if (row) this.tokens.assertCurrentSession(claims, row);
    const exp = (claims as { exp?: number }).exp ?? Math.floor(Date.now() / 1000) + 900;
    return { user, tokenExp: exp };
  }

  /** The account as it is now; locked or deleted accounts are refused. */
  async currentUser(userId: string): Promise<AuthUser> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new AppError(ErrorCode.TOKEN_INVALID, 'Tài khoản không còn tồn tại');
    if (!user.active) {
      throw new AppError(ErrorCode.ACCOUNT_DISABLED, 'Tài khoản đã bị khóa, liên hệ quản trị viên');
    }
    return toAuthUser(user);
  }

  /** The account if it is still active, else null (revocation checks). */
  async activeUser(userId: string): Promise<AuthUser | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    return user?.active ? toAuthUser(user) : null;
  }

  /**
   * A command's check: the account re-read (active, roles) and the incident loaded at the same time, then the
   * access rule. A missing incident and one the user may not see get the same NOT_FOUND (as over HTTP: no
   * existence leak).
   */
  async assertInRoomAccess(
    userId: string,
    incidentId: string,
  ): Promise<{ user: AuthUser; incident: Incident }> {
    const [user, incident] = await Promise.all([
      this.currentUser(userId),
      this.dataSource.getRepository(Incident).findOneBy({ id: incidentId }),
    ]);
    if (!incident || !(await this.visibility.canSee(user, incident)))
      throw AppError.notFound('sự cố', incidentId);
    return { user, incident };
  }

  /** The incident if the user may be in its room, else null. */
  async canJoin(user: AuthUser, incidentId: string): Promise<Incident | null> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId });
    if (!incident) return null;
    return (await this.visibility.canSee(user, incident)) ? incident : null;
  }

  /** Who belongs to the room (present or not). */
  members(incident: Incident): Promise<RoomMember[]> {
    return this.visibility.roomMembers(incident.id, incident.responsibleOrgUnitId);
  }
}

function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    personId: user.personId,
  };
}
