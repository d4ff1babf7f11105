import { and, eq, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { iatiCheckProblems, iatiChecks, type StoredIatiRuleSummary } from '../../../db/schema/iati-checks.ts';
import type { CoreContext } from '../../context.ts';
import { requirePermission } from '../../identity/permissions.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import type { FixTarget } from './iati-activity.ts';
import { checkIatiRules, IATI_RULES, iatiRuleSeverity, type IatiRule } from './check-iati-rules.ts';
import { iatiActivities } from './stream-iati-activities.ts';
import { latestExportChange } from './latest-export-change.ts';
import { iatiCheckIsBehind, latestIatiCheck } from './latest-iati-check.ts';

/** Problems written in one statement: a few hundred kilobytes, far under the 65,535 parameters a statement takes. */
const INSERT_BATCH = 1000;
/** A check left unfinished this long ago (its process stopped) is cleared away by the next that finishes. */
const ABANDONED_AFTER_MS = 60 * 60_000;

/** A problem as the insert unpacks it (jsonb_to_recordset: the table's column names). */
interface StoredProblem {
  rule: IatiRule;
  position: number;
  partnership_id: string;
  identifier: string;
  title: string;
  path: string;
  params: Record<string, string | number>;
  fix: FixTarget;
}

export interface IatiCheckMade {
  /** False when the latest check had seen every change and was made today: nothing was read. */
  made: boolean;
  checkId: string | null;
  activities: number;
  problems: number;
  ms: number;
}

/**
 * The publisher's check of the IATI export, made and stored (decision 024): every activity read as the file
 * would have it, a page at a time, and every problem the standard's rules find written down, numbered within
 * its rule, so the preview (read-iati-check.ts) slices what is stored instead of reading every activity on
 * request. Made only when something changed since the latest check (an audit entry of a record the export reads, after the one it saw) or
 * the publisher's date moved on, unless `force`. Memory holds one page of activities and one batch of
 * problems, whatever the number of partnerships; the reads yield between pages, so requests are served
 * while it runs. The check is visible once finished; the older ones go then.
 */
export async function makeIatiCheck(ctx: CoreContext, { organisationIdentifier, force = false }: { organisationIdentifier: string; force?: boolean }): Promise<IatiCheckMade> {
  requirePermission(ctx.actor, 'open-data:preview');
  const started = performance.now();
  const startedAt = ctx.now();
  const today = osloDate(startedAt);
  const auditUpTo = await latestExportChange(ctx.db);
  if (!force) {
    const latest = await latestIatiCheck(ctx.db, organisationIdentifier);
    if (latest && !iatiCheckIsBehind(latest, auditUpTo, today)) return { made: false, checkId: latest.id, activities: 0, problems: 0, ms: Math.round(performance.now() - started) };
  }

  const [check] = await ctx.db.insert(iatiChecks).values({ organisationIdentifier, checkedOn: today, auditUpTo, startedAt }).returning({ id: iatiChecks.id });
  const checkId = check!.id;
  const counts = new Map<IatiRule, { problems: number; activities: number; lastIdentifier: string }>();
  const years = new Set<number>();
  let batch: StoredProblem[] = [];
  let activities = 0;
  let problems = 0;
  // A batch goes in as one JSON value unpacked by the database: a thousand rows of nine values each as
  // parameters cost the embedded database three times as long (measured at 100,000 partnerships).
  const flush = async () => {
    if (batch.length)
      await ctx.db.execute(sql`
        insert into ${iatiCheckProblems} (check_id, rule, position, partnership_id, identifier, title, path, params, fix)
        select ${checkId}::uuid, r.rule, r.position, r.partnership_id, r.identifier, r.title, r.path, r.params, r.fix
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(rule text, position int, partnership_id uuid, identifier text, title text, path text, params jsonb, fix jsonb)`);
    batch = [];
  };
  try {
    await checkEveryActivity();
  } catch (error) {
    // Not left half-made for an hour: the job tries again at its next run.
    await ctx.db.delete(iatiChecks).where(eq(iatiChecks.id, checkId));
    throw error;
  }
  async function checkEveryActivity() {
    for await (const activity of iatiActivities(ctx, { organisationIdentifier })) {
      activities += 1;
      const title = activity.title[0]?.text ?? activity.identifier;
      for (const problem of checkIatiRules(activity, today)) {
        const count = counts.get(problem.rule) ?? { problems: 0, activities: 0, lastIdentifier: '' };
        counts.set(problem.rule, count);
        count.problems += 1;
        if (count.lastIdentifier !== problem.identifier) count.activities += 1;
        count.lastIdentifier = problem.identifier;
        problems += 1;
        batch.push({ rule: problem.rule, position: count.problems, partnership_id: problem.partnershipId, identifier: problem.identifier, title, path: problem.path, params: problem.params, fix: problem.fix });
      }
      if (batch.length >= INSERT_BATCH) await flush();
      const dates = activity.dates.map((d) => Number(d.isoDate.slice(0, 4)));
      if (dates.length) for (let y = Math.min(...dates); y <= Math.max(...dates); y += 1) years.add(y);
    }
    await flush();
  }

  const rules: StoredIatiRuleSummary[] = [...counts.entries()]
    .sort(
      ([ruleA, a], [ruleB, b]) =>
        Number(iatiRuleSeverity(ruleA) === 'warning') - Number(iatiRuleSeverity(ruleB) === 'warning') || b.problems - a.problems || IATI_RULES.indexOf(ruleA) - IATI_RULES.indexOf(ruleB),
    )
    .map(([rule, c]) => ({ rule, problems: c.problems, activities: c.activities }));
  const errors = rules.filter((r) => iatiRuleSeverity(r.rule as IatiRule) === 'error').reduce((sum, r) => sum + r.problems, 0);
  const abandoned = new Date(startedAt.getTime() - ABANDONED_AFTER_MS);
  const removed = await ctx.db.transaction(async (tx) => {
    await tx
      .update(iatiChecks)
      .set({ finishedAt: ctx.now(), activities, errors, warnings: problems - errors, years: [...years].sort((a, b) => a - b), rules })
      .where(eq(iatiChecks.id, checkId));
    return tx
      .delete(iatiChecks)
      .where(and(eq(iatiChecks.organisationIdentifier, organisationIdentifier), ne(iatiChecks.id, checkId), or(isNotNull(iatiChecks.finishedAt), lt(iatiChecks.startedAt, abandoned))))
      .returning({ id: iatiChecks.id });
  });
  // The embedded database runs no autovacuum: the space of the problems just removed is made reusable now,
  // or every check would leave its predecessor's rows behind as dead space. (Outside a transaction, as VACUUM must be.)
  if (removed.length) await ctx.db.execute(sql`vacuum ${iatiCheckProblems}`);
  return { made: true, checkId, activities, problems, ms: Math.round(performance.now() - started) };
}
