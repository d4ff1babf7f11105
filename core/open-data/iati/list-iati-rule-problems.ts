import { z } from 'zod';
import type { CoreContext } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { IATI_RULES, iatiRuleSeverity, type IatiRule } from './check-iati-rules.ts';
import { previewIatiExport, type IatiPreview, type IatiRuleSummary } from './preview-iati-export.ts';

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
  summary: Omit<IatiRuleSummary, 'first'>;
  page: number;
  pages: number;
  /** The position (from 1) of the page's first problem in the rule's list. */
  from: number;
  problems: IatiPreview['problems'];
}

/**
 * One page of one rule's problems in the publisher's preview, each with its activity, parameters, path and
 * the record to fix: a slice of the kept preview (`previewIatiExport`), so it costs the same on any page.
 * A page past the last is refused (`iatiPageOutOfRange`, naming how many there are); a rule with no
 * problems has one empty page, so a link kept from before a fix still opens.
 */
export async function listIatiRuleProblems(ctx: CoreContext, { organisationIdentifier, rule, page = 1 }: { organisationIdentifier: string; rule: IatiRule; page?: number }): Promise<IatiRuleProblemsPage> {
  const preview = await previewIatiExport(ctx, { organisationIdentifier });
  const found = preview.rules.find((r) => r.rule === rule);
  const total = found?.problems ?? 0;
  const pages = Math.max(1, Math.ceil(total / IATI_PROBLEMS_PAGE_SIZE));
  if (page > pages) throw new DomainError('iatiPageOutOfRange', { field: 'page', params: { pages } });
  const start = (found?.first ?? 0) + (page - 1) * IATI_PROBLEMS_PAGE_SIZE;
  const end = (found?.first ?? 0) + Math.min(total, page * IATI_PROBLEMS_PAGE_SIZE);
  return {
    summary: { rule, severity: iatiRuleSeverity(rule), problems: total, activities: found?.activities ?? 0 },
    page,
    pages,
    from: (page - 1) * IATI_PROBLEMS_PAGE_SIZE + 1,
    problems: preview.problems.slice(start, end),
  };
}
