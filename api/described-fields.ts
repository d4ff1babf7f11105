import type { z } from '@hono/zod-openapi';

/**
 * A core schema (a filter or an input) with a description per field for the OpenAPI document.
 * Validation stays the core's own: only documentation is added, and a field the core adds later
 * appears without a description rather than being dropped. (`.meta`, not `.openapi`: the core's
 * schemas may be built before @hono/zod-openapi adds `.openapi` to zod; the generator reads both.)
 */
export function describeFields<T extends z.ZodObject>(schema: T, descriptions: Record<string, string>): T {
  const described = Object.fromEntries(
    Object.entries(descriptions)
      .filter(([key]) => key in schema.shape)
      .map(([key, description]) => [key, (schema.shape[key] as z.ZodType).meta({ description })]),
  );
  // safeExtend: keeps the core's refinements (cross-field rules), which `extend` refuses to carry over.
  return schema.safeExtend(described) as unknown as T;
}
