import { readFileSync } from 'node:fs';
import { Role } from '../../src/auth/role.js';
import {
  checkPermissionTable,
  expectedAnswer,
  HTTP_PERMISSIONS,
  permissionTableMarkdown,
  SOCKET_PERMISSIONS,
} from '../../src/access/permissions.js';

const ROUTES = Object.keys(HTTP_PERMISSIONS);
const COMMANDS = Object.keys(SOCKET_PERMISSIONS);

/** Table rows as trimmed cells (prettier re-aligns the columns; the separator rows are left out). */
const rows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );

/** The checker of the authorization matrix (test/authorization-matrix.e2e.spec.ts) and the README's copy. */
describe('permission table (src/access/permissions.ts)', () => {
  it('passes when every registered route and command has an entry', () => {
    expect(checkPermissionTable(ROUTES, COMMANDS)).toEqual([]);
  });

  it('fails on a deliberate violation: a route, or a socket command, with no entry', () => {
    expect(checkPermissionTable([...ROUTES, 'POST /api/incidents/:id/secret-export'], COMMANDS)).toEqual([
      'no permission entry for route POST /api/incidents/:id/secret-export',
    ]);
    expect(checkPermissionTable(ROUTES, [...COMMANDS, 'incident:delete'])).toEqual([
      'no permission entry for socket command incident:delete',
    ]);
  });

  it('fails on an entry for a route that is gone', () => {
    expect(checkPermissionTable(ROUTES.slice(1), COMMANDS)).toEqual([
      `permission entry for a route that does not exist: ${ROUTES[0]}`,
    ]);
  });

  it('reads the rules as the README says', () => {
    const incident = HTTP_PERMISSIONS['PATCH /api/incidents/:id'];
    expect(expectedAnswer(incident, null, 'own')).toBe('unauthenticated');
    expect(expectedAnswer(incident, Role.Officer, 'own')).toBe('allow');
    expect(expectedAnswer(incident, Role.Officer, 'other')).toBe('hidden');
    expect(expectedAnswer(incident, Role.Analyst, 'own')).toBe('hidden');
    expect(expectedAnswer(incident, Role.Admin, 'other')).toBe('allow');
    const topic = HTTP_PERMISSIONS['POST /api/topics'];
    expect(expectedAnswer(topic, Role.Officer, 'own')).toBe('forbidden'); // the route's guard
    expect(expectedAnswer(topic, Role.Analyst, 'own')).toBe('allow');
    expect(expectedAnswer(topic, Role.Leader, 'other')).toBe('forbidden');
    const publish = HTTP_PERMISSIONS['POST /api/statements/:id/publications'];
    expect(expectedAnswer(publish, Role.Leader, 'own')).toBe('forbidden'); // sees it, holds no group role
    const decide = HTTP_PERMISSIONS['POST /api/statements/:id/versions/:n/decisions'];
    expect(expectedAnswer(decide, Role.Admin, 'own')).toBe('forbidden'); // approvers are people, not a role
  });

  it('is copied into src/access/README.md as generated (run this test to see the rows to paste)', () => {
    const readme = readFileSync('src/access/README.md', 'utf8');
    const block = /<!-- permissions:start -->([\s\S]*?)<!-- permissions:end -->/.exec(readme);
    expect(block).not.toBeNull();
    expect(rows(block![1])).toEqual(rows(permissionTableMarkdown()));
  });
});
