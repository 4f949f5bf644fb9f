/**
 * Module boundaries: a module reaches another module through its exported services and repositories, never
 * through its entities (`../<other>/entities/*`). Type-only imports are allowed (a signature may name another
 * module's row type); entity files may map relations to other modules' entities (foreign keys). Table names in
 * SQL strings are checked by test/architecture/sql-ownership.spec.ts.
 */

/** Modules that may import any entity: the permission layer, the reports read model, seeding and the database. */
export const EXEMPT_MODULES = ['access', 'reports', 'demo', 'bootstrap', 'database'];

/**
 * Today's value imports of another module's entities, written out so that a new one fails. Move each behind
 * the owner's service or repository (or into access/), then delete it here.
 */
export const KNOWN_ENTITY_IMPORTS = {
  'src/auth/users.service.ts': ['../directory/entities/person.entity.js'],
  'src/rooms/room-access.ts': ['../auth/entities/user.entity.js', '../incidents/entities/incident.entity.js'],
  'src/rooms/rooms.service.ts': ['../incidents/entities/incident.entity.js'],
  'src/statements/legal-clock.flow.ts': ['../incidents/entities/incident.entity.js'],
};

const FOREIGN_ENTITIES = ['../*/entities/*', '../../*/entities/*'];
const MESSAGE =
  'Một module không dùng entity của module khác: hãy gọi service/repository mà module đó export (hoặc access/).';

/** The rule's options with some imports let through (gitignore-style negations). */
export function boundaryRule(allowed = []) {
  return [
    'error',
    {
      patterns: [
        {
          group: [...FOREIGN_ENTITIES, ...allowed.map((p) => `!${p}`)],
          message: MESSAGE,
          allowTypeImports: true,
        },
      ],
    },
  ];
}

/** Flat-config blocks: the rule on src/, then one block per file of the known list. */
export function moduleBoundaries() {
  return [
    {
      files: ['src/**/*.ts'],
      ignores: [...EXEMPT_MODULES.map((m) => `src/${m}/**`), 'src/*/entities/**', 'src/*/*/entities/**'],
      rules: { '@typescript-eslint/no-restricted-imports': boundaryRule() },
    },
    ...Object.entries(KNOWN_ENTITY_IMPORTS).map(([file, allowed]) => ({
      files: [file],
      rules: { '@typescript-eslint/no-restricted-imports': boundaryRule(allowed) },
    })),
  ];
}
