import { sharedRead } from '../../../db/shared-read-cache.ts';
import type { CoreContext } from '../../context.ts';
import { requirePermission } from '../../identity/permissions.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import { checkIatiRules, IATI_RULES, type IatiProblem, type IatiRule } from './check-iati-rules.ts';
import { iatiActivities } from './stream-iati-activities.ts';

/** One rule's share of the problems: what the preview's summary lists, one row per rule. */
export interface IatiRuleSummary {
  rule: IatiRule;
  severity: IatiProblem['severity'];
  problems: number;
  /** How many activities have at least one problem by this rule. */
  activities: number;
  /** Where this rule's problems start in `IatiPreview.problems` (they are together, in activity order). */
  first: number;
}

export interface IatiPreview {
  organisationIdentifier: string;
  activities: number;
  errors: number;
  warnings: number;
  /** Every rule that found a problem: errors first, then the rules with most problems, then in IATI_RULES' order. */
  rules: IatiRuleSummary[];
  /** Every problem of every activity at once, each with its activity's title, grouped by rule in `rules`' order. */
  problems: (IatiProblem & { title: string })[];
  /** The years some activity is active in: each has its own file. */
  years: number[];
  today: string;
}

/**
 * The publisher's preview (agency staff): the export read as the file would be, and every problem the
 * standard's rules find in it, each naming the record to fix, all at once rather than one at a time.
 * It reads every activity, so the server keeps the answer between writes (db/shared-read-cache.ts): the
 * same for every member of staff, made again after any change on this server, and at least every minute.
 * The problems are kept grouped by rule with each rule's counts, so a request for the summary or for one
 * page of a rule's problems only slices what is kept.
 */
export async function previewIatiExport(ctx: CoreContext, { organisationIdentifier }: { organisationIdentifier: string }): Promise<IatiPreview> {
  requirePermission(ctx.actor, 'open-data:preview');
  const today = osloDate(ctx.now());
  return sharedRead(ctx.db, `iati-preview ${organisationIdentifier} ${today}`, () => readPreview(ctx, organisationIdentifier, today));
}

async function readPreview(ctx: CoreContext, organisationIdentifier: string, today: string): Promise<IatiPreview> {
  const byRule = new Map<IatiRule, IatiPreview['problems']>();
  const years = new Set<number>();
  let activities = 0;
  for await (const activity of iatiActivities(ctx, { organisationIdentifier })) {
    activities += 1;
    const title = activity.title[0]?.text ?? activity.identifier;
    for (const problem of checkIatiRules(activity, today)) {
      const list = byRule.get(problem.rule) ?? [];
      if (list.length === 0) byRule.set(problem.rule, list);
      list.push({ ...problem, title });
    }
    const dates = activity.dates.map((d) => Number(d.isoDate.slice(0, 4)));
    if (dates.length) for (let y = Math.min(...dates); y <= Math.max(...dates); y += 1) years.add(y);
  }
  const grouped = [...byRule.entries()].sort(
    ([ruleA, a], [ruleB, b]) =>
      Number(a[0]!.severity === 'warning') - Number(b[0]!.severity === 'warning') || b.length - a.length || IATI_RULES.indexOf(ruleA) - IATI_RULES.indexOf(ruleB),
  );
  const problems: IatiPreview['problems'] = [];
  const rules: IatiRuleSummary[] = [];
  for (const [rule, list] of grouped) {
    rules.push({ rule, severity: list[0]!.severity, problems: list.length, activities: new Set(list.map((p) => p.identifier)).size, first: problems.length });
    for (const p of list) problems.push(p);
  }
  const errors = rules.filter((r) => r.severity === 'error').reduce((sum, r) => sum + r.problems, 0);
  return { organisationIdentifier, activities, errors, warnings: problems.length - errors, rules, problems, years: [...years].sort((a, b) => a - b), today };
}
