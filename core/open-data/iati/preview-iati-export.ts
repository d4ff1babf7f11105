import { sharedRead } from '../../../db/shared-read-cache.ts';
import type { CoreContext } from '../../context.ts';
import { requirePermission } from '../../identity/permissions.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import { checkIatiRules, type IatiProblem } from './check-iati-rules.ts';
import { iatiActivities } from './stream-iati-activities.ts';

export interface IatiPreview {
  organisationIdentifier: string;
  activities: number;
  errors: number;
  warnings: number;
  /** Every problem of every activity at once, errors first, each with its activity's title. */
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
 */
export async function previewIatiExport(ctx: CoreContext, { organisationIdentifier }: { organisationIdentifier: string }): Promise<IatiPreview> {
  requirePermission(ctx.actor, 'open-data:preview');
  const today = osloDate(ctx.now());
  return sharedRead(ctx.db, `iati-preview ${organisationIdentifier} ${today}`, () => readPreview(ctx, organisationIdentifier, today));
}

async function readPreview(ctx: CoreContext, organisationIdentifier: string, today: string): Promise<IatiPreview> {
  const problems: IatiPreview['problems'] = [];
  const years = new Set<number>();
  let activities = 0;
  for await (const activity of iatiActivities(ctx, { organisationIdentifier })) {
    activities += 1;
    const title = activity.title[0]?.text ?? activity.identifier;
    for (const problem of checkIatiRules(activity, today)) problems.push({ ...problem, title });
    const dates = activity.dates.map((d) => Number(d.isoDate.slice(0, 4)));
    if (dates.length) for (let y = Math.min(...dates); y <= Math.max(...dates); y += 1) years.add(y);
  }
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { organisationIdentifier, activities, errors, warnings: problems.length - errors, problems, years: [...years].sort((a, b) => a - b), today };
}
