import type { ReportKind } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { ownParticipant, reportKind, reportOf, reportView, type ReportView } from './participant-report-record.ts';

/** The signed-in participant's report of one kind, as far as they wrote it, with its due date. */
export async function getOwnReport(ctx: CoreContext, { kind }: { kind: string }): Promise<ReportView> {
  const parsed = reportKind.safeParse(kind);
  const participant = await ownParticipant(ctx);
  if (!parsed.success) throw new NotFoundError('report');
  const k: ReportKind = parsed.data;
  return reportView(participant, k, await reportOf(ctx.db, participant.id, k));
}
