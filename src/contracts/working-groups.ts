/**
 * Working groups: the roles an incident needs and the people holding them.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

export interface GroupMember {
  id: string;
  invitationId: string;
  role: string;
  roleName: string;
  canEditStatements: boolean;
  canApprove: boolean;
  observer: boolean;
  status: 'invited' | 'accepted' | 'declined' | 'expired' | 'removed' | 'replaced' | string;
  person: {
    id: string;
    fullName?: string;
    position?: string;
    orgUnit?: { id: string; code: string; name: string } | null;
  };
  why: { reason: string | null };
  invitedAt: string;
  ackDueAt: string | null;
  respondedAt: string | null;
  ackSeconds: number | null;
  declineReason: string | null;
}

export interface WorkingGroup {
  incidentId: string;
  formed: boolean;
  rule: { key: string; name: string } | null;
  activatedAt: string | null;
  assembledAt: string | null;
  requirements: {
    role: string;
    roleName: string;
    count: number;
    required: boolean;
    accepted: number;
    invited: number;
  }[];
  members: GroupMember[];
}
