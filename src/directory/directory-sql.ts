/** SQL pieces shared by the directory's repositories: temporal filters, accent-blind search, walk bounds. */

/** Recursion guard for tree and lineage walks (real trees are 4-5 levels deep, lineages a handful of steps). */
export const MAX_DEPTH = 100;

/** `%term%` for LIKE, with the term's own wildcards escaped. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accent- and case-insensitive "contains" on an SQL expression (unaccent folds ă, ơ, đ… to a, o, d). */
export function unaccentLike(expression: string, param: string): string {
  return `unaccent(lower(coalesce(${expression}, ''))) LIKE unaccent(lower(:${param}))`;
}

export function validOn(alias: string, param = 'on'): string {
  return `${alias}.valid_from <= :${param} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= :${param})`;
}
