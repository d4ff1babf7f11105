import { iatiCheckProblems } from '../../../db/schema/iati-checks.ts';
import { iatiRuleSeverity, type IatiProblem, type IatiRule } from './check-iati-rules.ts';
import type { FixTarget } from './iati-activity.ts';

/** A stored problem as the preview lists it: the rule's finding with its activity's title. */
export type IatiCheckProblem = IatiProblem & { title: string };

/** What the preview reads of a stored problem (db/schema/iati-checks.ts), and how it becomes one again. */
export const iatiCheckProblemColumns = {
  rule: iatiCheckProblems.rule,
  position: iatiCheckProblems.position,
  partnershipId: iatiCheckProblems.partnershipId,
  identifier: iatiCheckProblems.identifier,
  title: iatiCheckProblems.title,
  path: iatiCheckProblems.path,
  params: iatiCheckProblems.params,
  fix: iatiCheckProblems.fix,
};
type IatiCheckProblemRow = { rule: string; partnershipId: string; identifier: string; title: string; path: string; params: Record<string, string | number>; fix: { record: string; id: string; field?: string } };
export const toIatiCheckProblem = ({ rule, partnershipId, identifier, title, path, params, fix }: IatiCheckProblemRow): IatiCheckProblem => ({
  rule: rule as IatiRule,
  severity: iatiRuleSeverity(rule as IatiRule),
  partnershipId,
  identifier,
  title,
  path,
  params,
  fix: fix as FixTarget,
});

