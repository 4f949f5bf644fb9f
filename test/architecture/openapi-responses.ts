/** The checker of test/architecture/openapi-responses.spec.ts: which operations of an OpenAPI document lack a typed answer. */

interface MediaType {
  schema?: { type?: string; format?: string; $ref?: string; items?: unknown; properties?: unknown };
}
interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * A 2xx answer with a JSON schema, a file (a non-JSON content type with a binary or string schema), or a
 * documented 204 (no body, so no schema: `@ApiNoContentResponse`).
 */
function typedAnswer(op: Operation): boolean {
  return Object.entries(op.responses ?? {}).some(
    ([status, res]) =>
      (status === '204' && !res.content) ||
      (/^2\d\d$/.test(status) &&
        Object.entries(res.content ?? {}).some(([type, media]) => {
          const schema = media.schema;
          if (!schema) return false;
          if (type === 'application/json') return Boolean(schema.$ref || schema.type);
          return schema.type === 'string';
        })),
  );
}

/** Every operation as `METHOD /path` with no typed 2xx answer. */
export function operationsWithoutResponse(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) =>
      METHODS.filter((m) => item[m] && !typedAnswer(item[m])).map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

/** Differences between the operations missing an answer and the list of those known to miss one. */
export function checkKnownList(missing: string[], known: readonly string[]): string[] {
  const knownSet = new Set(known);
  const missingSet = new Set(missing);
  return [
    ...missing.filter((o) => !knownSet.has(o)).map((o) => `no typed 2xx answer: ${o}`),
    ...known
      .filter((o) => !missingSet.has(o))
      .map((o) => `listed as missing but now typed (remove it): ${o}`),
  ];
}
