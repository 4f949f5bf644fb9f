import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AuthUser } from '../auth/decorators.js';
import { SessionUsers } from '../auth/session-users.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
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
    private readonly sessions: SessionUsers,
    private readonly incidents: IncidentsService,
    private readonly visibility: IncidentVisibility,
  ) {}

  /** Handshake: a valid access token of an active account (the HTTP guard's loader). */
  async authenticate(token: unknown): Promise<{ user: AuthUser; tokenExp: number }> {
    if (typeof token !== 'string' || !token) {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Cần đăng nhập: gửi mã truy cập trong auth.token khi kết nối',
      );
    }
    return this.sessions.fromToken(token);
  }

  /** The account as it is now; locked or deleted accounts are refused. */
  currentUser(userId: string): Promise<AuthUser> {
    return this.sessions.current(userId);
  }

  /** The account if it is still active, else null (revocation checks). */
  activeUser(userId: string): Promise<AuthUser | null> {
    return this.sessions.active(userId);
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
      this.incidents.findWithin(this.dataSource.manager, incidentId),
    ]);
    if (!incident || !(await this.visibility.canSee(user, incident)))
      throw AppError.notFound('sự cố', incidentId);
    return { user, incident };
  }

  /** The incident if the user may be in its room, else null. */
  async canJoin(user: AuthUser, incidentId: string): Promise<Incident | null> {
    const incident = await this.incidents.findWithin(this.dataSource.manager, incidentId);
    if (!incident) return null;
    return (await this.visibility.canSee(user, incident)) ? incident : null;
  }

  /** Who belongs to the room (present or not). */
  members(incident: Incident): Promise<RoomMember[]> {
    return this.visibility.roomMembers(incident.id, incident.responsibleOrgUnitId);
  }
}
