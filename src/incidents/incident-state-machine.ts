import { IncidentStatus as S } from './incident-types.js';

export interface TransitionRule {
  from: S;
  to: S;
  /** The reason is required (dismissals, reopenings): it goes on the timeline. */
  requiresReason?: boolean;
}

/**
 * The lifecycle, declared as data (DOMAIN.md "Lifecycle"): detected → triaged → active → monitoring → resolved
 * → closed → archived; dismissed (false positive, with a reason) from detected or triaged. Anything else is
 * refused. Guards that need the database (e.g. a completed review before closing) live in the service.
 */
export const TRANSITIONS: TransitionRule[] = [
  { from: S.Detected, to: S.Triaged },
  { from: S.Detected, to: S.Active },
  { from: S.Detected, to: S.Dismissed, requiresReason: true },
  { from: S.Triaged, to: S.Active },
  { from: S.Triaged, to: S.Monitoring },
  { from: S.Triaged, to: S.Dismissed, requiresReason: true },
  { from: S.Active, to: S.Monitoring },
  { from: S.Active, to: S.Resolved },
  { from: S.Monitoring, to: S.Active, requiresReason: true },
  { from: S.Monitoring, to: S.Resolved },
  { from: S.Resolved, to: S.Active, requiresReason: true },
  { from: S.Resolved, to: S.Closed },
  { from: S.Closed, to: S.Archived },
];

export function findTransition(from: S, to: S): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function allowedTargets(from: S): S[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}
