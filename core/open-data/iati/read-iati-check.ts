import { sharedRead } from '../../../db/shared-read-cache.ts';
import type { CoreContext } from '../../context.ts';
import { requirePermission } from '../../identity/permissions.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import { iatiRuleSeverity, type IatiProblem, type IatiRule } from './check-iati-rules.ts';
import { latestExportChange } from './latest-export-change.ts';
import { iatiCheckIsBehind, latestIatiCheck } from './latest-iati-check.ts';

/** One rule's share of the problems: what the preview's summary lists, one row per rule. */
export interface IatiRuleSummary {
  rule: IatiRule;
  severity: IatiProblem['severity'];
  problems: number;
  /** How many activities have at least one problem by this rule. */
  activities: number;
}

/** The latest finished check of the export (make-iati-check.ts), as the preview shows it. */
export interface IatiCheck {
  id: string;
  organisationIdentifier: string;
  /** The publisher's date the rules were applied with. */
  checkedOn: string;
  startedAt: Date;
  finishedAt: Date;
  activities: number;
  errors: number;
  warnings: number;
  years: number[];
  /** Every rule that found a problem: errors first, then the rules with most problems. */
  rules: IatiRuleSummary[];
}

export interface IatiCheckState {
  /** Null until the first check has been made. */
  check: IatiCheck | null;
  /** Changes were made after the check began, or its day is past: a newer check is due (the job makes it). */
  behind: boolean;
}

/**
 * The publisher's preview (agency staff): the latest stored check of every activity, and whether anything
 * changed since it began. Two reads by index whatever the number of partnerships, kept between writes; the
 * check itself is made by a job (makeIatiCheck), never on request.
 */
export async function readIatiCheck(ctx: CoreContext, { organisationIdentifier }: { organisationIdentifier: string }): Promise<IatiCheckState> {
  requirePermission(ctx.actor, 'open-data:preview');
  // The same for every member of staff: kept between writes (db/shared-read-cache.ts). The job stores a
  // new check in a transaction on the server's handle, which ends what was kept.
  const { row, upTo } = await sharedRead(ctx.db, `iati-check ${organisationIdentifier}`, async () => {
    const latest = await latestIatiCheck(ctx.db, organisationIdentifier);
    return { row: latest ?? null, upTo: latest ? await latestExportChange(ctx.db) : 0 };
  });
  if (!row) return { check: null, behind: true };
  const check: IatiCheck = {
    ...row,
    finishedAt: row.finishedAt!,
    rules: row.rules.map((r) => ({ rule: r.rule as IatiRule, severity: iatiRuleSeverity(r.rule as IatiRule), problems: r.problems, activities: r.activities })),
  };
  return { check, behind: iatiCheckIsBehind(row, upTo, osloDate(ctx.now())) };
}
