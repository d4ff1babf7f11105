import type { z } from 'zod';

/**
 * The fields of `typed` that pass their own schema, each on its own: what a core rule can still be
 * asked about when other fields were refused, so a form shows the rules' problems with the format's
 * in one go rather than one after another.
 */
export function validFields<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, typed: Record<string, unknown>): Partial<z.output<z.ZodObject<Shape>>> {
  const valid: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(typed[key]);
    if (parsed.success) valid[key] = parsed.data;
  }
  return valid as Partial<z.output<z.ZodObject<Shape>>>;
}
