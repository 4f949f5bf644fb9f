import { allowedTargets, findTransition, TRANSITIONS } from './incident-state-machine.js';
import { IncidentStatus as S } from './incident-types.js';

describe('incident state machine', () => {
  it('follows the lifecycle of DOMAIN.md', () => {
    const path = [S.Detected, S.Triaged, S.Active, S.Monitoring, S.Resolved, S.Closed, S.Archived];
    for (let i = 0; i < path.length - 1; i++) expect(findTransition(path[i], path[i + 1])).toBeDefined();
  });

  it('allows dismissal only from detected or triaged, always with a reason', () => {
    const dismissals = TRANSITIONS.filter((t) => t.to === S.Dismissed);
    expect(dismissals.map((t) => t.from).sort()).toEqual([S.Detected, S.Triaged]);
    expect(dismissals.every((t) => t.requiresReason)).toBe(true);
  });

  it('refuses illegal moves', () => {
    expect(findTransition(S.Detected, S.Closed)).toBeUndefined();
    expect(findTransition(S.Active, S.Dismissed)).toBeUndefined();
    expect(findTransition(S.Archived, S.Active)).toBeUndefined();
    expect(allowedTargets(S.Archived)).toEqual([]);
    expect(allowedTargets(S.Dismissed)).toEqual([]);
  });
});
