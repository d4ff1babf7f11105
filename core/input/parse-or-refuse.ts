import type { z } from 'zod';
import { refuseProblems, type ErrorCode } from '../errors.ts';

/**
 * Parses a use-case's input and refuses every wrong value at once (FieldProblemsError, one per field),
 * with the error codes the schema names; a date after today (Oslo) is refused too.
 */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, today?: string, dateFields: string[] = []): z.infer<S> {
  const parsed = schema.safeParse(value);
  const problems: { field: string; code: ErrorCode; params?: Record<string, string | number> }[] = [];
  const seen = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      if (seen.has(field)) continue;
      seen.add(field);
      const max: Record<string, number> = issue.code === 'too_big' ? { max: Number(issue.maximum) } : {};
      problems.push({ field, code: (/^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : 'invalid') as ErrorCode, params: max });
    }
  }
  if (today) {
    for (const field of dateFields) {
      const v = (value as Record<string, unknown>)[field];
      if (!seen.has(field) && typeof v === 'string' && v.trim() > today) problems.push({ field, code: 'dateInFuture' });
    }
  }
  refuseProblems(problems);
  return (parsed as { data: z.infer<S> }).data;
}
