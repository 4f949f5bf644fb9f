/**
 * Module boundaries: a module reaches another module through its exported services and repositories, never
 * through its entities (`../<other>/entities/*`). Type-only imports are allowed (a signature may name another
 * module's row type); entity files may map relations to other modules' entities (foreign keys). Table names in
 * SQL strings are checked by test/architecture/sql-ownership.spec.ts.
 */

/** Modules that may import any entity: the permission layer, the reports read model, seeding and the database. */
export const EXEMPT_MODULES = ['access', 'reports', 'demo', 'bootstrap', 'database'];

const FOREIGN_ENTITIES = ['../*/entities/*', '../../*/entities/*'];
const MESSAGE =
  'Một module không dùng entity của module khác: hãy gọi service/repository mà module đó export (hoặc access/).';

/** The rule's options. */
export function boundaryRule() {
  return [
    'error',
    {
      patterns: [
        {
          group: FOREIGN_ENTITIES,
          message: MESSAGE,
          allowTypeImports: true,
        },
      ],
    },
  ];
}

/**
 * Flat-config block: the rule on src/ (the list of files once let through is empty since every value import of
 * another module's entity went behind the owner's service or repository, or into access/).
 */
export function moduleBoundaries() {
  return [
    {
      files: ['src/**/*.ts'],
      ignores: [...EXEMPT_MODULES.map((m) => `src/${m}/**`), 'src/*/entities/**', 'src/*/*/entities/**'],
      rules: { '@typescript-eslint/no-restricted-imports': boundaryRule() },
    },
  ];
}
