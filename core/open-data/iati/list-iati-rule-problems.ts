import { and, asc, between, eq } from 'drizzle-orm';
import { z } from 'zod';
import { iatiCheckProblems } from '../../../db/schema/iati-checks.ts';
import type { CoreContext } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { requirePermission } from '../../identity/permissions.ts';
import { IATI_RULES, iatiRuleSeverity, type IatiRule } from './check-iati-rules.ts';
import { iatiCheckProblemColumns, toIatiCheckProblem, type IatiCheckProblem } from './iati-check-problem-row.ts';
import type { IatiCheck, IatiRuleSummary } from './read-iati-check.ts';

/** Problems per page of one rule's list: a page of the preview stays a few dozen kilobytes however many there are. */
export const IATI_PROBLEMS_PAGE_SIZE = 50;

/**
 * The preview's address: `rule` (one of IATI_RULES) shows that rule's problems, a page (`page`, from 1)
 * at a time; without it, the summary of every rule. Anything else is refused with a message, not guessed.
 */
export const iatiPreviewQuery = z.object({
  rule: z.enum(IATI_RULES, { message: 'iatiRuleUnknown' }).optional(),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'iatiPageInvalid')
    .transform(Number)
    .optional(),
});
export type IatiPreviewQuery = z.infer<typeof iatiPreviewQuery>;

export interface IatiRuleProblemsPage {
  /** The rule's counts; for a rule that finds nothing (any more), zero problems. */
  summary: IatiRuleSummary;
  page: number;
  pages: number;
  /** The position (from 1) of the page's first problem in the rule's list. */
  from: number;
  problems: IatiCheckProblem[];
}

/**
 * One page of one rule's problems in a stored check (read-iati-check.ts), each with its activity,
 * parameters, path and the record to fix: a range of the rule's numbered problems, read by key, so it
 * costs the same on any page. A page past the last is refused (`iatiPageOutOfRange`, naming how many
 * there are); a rule with no problems has one empty page, so a link kept from before a fix still opens.
 */
export async function listIatiRuleProblems(ctx: CoreContext, { check, rule, page = 1 }: { check: IatiCheck; rule: IatiRule; page?: number }): Promise<IatiRuleProblemsPage> {
  requirePermission(ctx.actor, 'open-data:preview');
  const found = check.rules.find((r) => r.rule === rule);
  const total = found?.problems ?? 0;
  const pages = Math.max(1, Math.ceil(total / IATI_PROBLEMS_PAGE_SIZE));
  if (page > pages) throw new DomainError('iatiPageOutOfRange', { field: 'page', params: { pages } });
  const from = (page - 1) * IATI_PROBLEMS_PAGE_SIZE + 1;
  const rows = total
    ? await ctx.db
        .select(iatiCheckProblemColumns)
        .from(iatiCheckProblems)
        .where(and(eq(iatiCheckProblems.checkId, check.id), eq(iatiCheckProblems.rule, rule), between(iatiCheckProblems.position, from, from + IATI_PROBLEMS_PAGE_SIZE - 1)))
        .orderBy(asc(iatiCheckProblems.position))
    : [];
  return {
    summary: found ?? { rule, severity: iatiRuleSeverity(rule), problems: 0, activities: 0 },
    page,
    pages,
    from,
    problems: rows.map(toIatiCheckProblem),
  };
}

