import { and, asc, eq, gt } from 'drizzle-orm';
import { iatiCheckProblems } from '../../../db/schema/iati-checks.ts';
import type { CoreContext } from '../../context.ts';
import { requirePermission } from '../../identity/permissions.ts';
import { iatiCheckProblemColumns, toIatiCheckProblem, type IatiCheckProblem } from './iati-check-problem-row.ts';
import type { IatiCheck } from './read-iati-check.ts';

/** Problems read at once. */
const READ_BATCH = 1000;

/**
 * Every problem of a stored check, in the summary's order (errors first, rule by rule), read a thousand at a
 * time as the caller takes them: the whole list as one download, in the memory of one batch.
 */
export async function* listAllIatiCheckProblems(ctx: CoreContext, { check }: { check: IatiCheck }): AsyncGenerator<IatiCheckProblem> {
  requirePermission(ctx.actor, 'open-data:preview');
  for (const { rule } of check.rules) {
    let after = 0;
    for (;;) {
      const rows = await ctx.db
        .select(iatiCheckProblemColumns)
        .from(iatiCheckProblems)
        .where(and(eq(iatiCheckProblems.checkId, check.id), eq(iatiCheckProblems.rule, rule), gt(iatiCheckProblems.position, after)))
        .orderBy(asc(iatiCheckProblems.position))
        .limit(READ_BATCH);
      for (const row of rows) yield toIatiCheckProblem(row);
      if (rows.length < READ_BATCH) break;
      after = rows[rows.length - 1]!.position;
    }
  }
}
