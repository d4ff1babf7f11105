import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { participantAccounts } from '../../db/schema/access.ts';
import { user } from '../../db/schema/auth.ts';
import { participantReports, participants, REPORT_KINDS, REPORT_QUESTIONS, REPORT_STATUSES, type ReportAnswers, type ReportKind, type ReportStatus } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { text } from '../input/text.ts';
import { reportDueOn, reportOpen } from './report-due-dates.ts';
import type { ParticipantRow } from './participant-record.ts';

export type ReportRow = typeof participantReports.$inferSelect;
export { REPORT_KINDS, REPORT_QUESTIONS, REPORT_STATUSES, type ReportKind };

export const reportKind = z.enum(REPORT_KINDS, { message: 'notFound' });

/** Every answer at most this long; the free text a little longer. */
export const ANSWER_MAX = 10_000;
export const BODY_MAX = 20_000;

/** What the participant writes: the four structured answers and the free text. */
export const reportInput = z.object({
  learned: text().trim().max(ANSWER_MAX, 'tooLong').default(''),
  hostGained: text().trim().max(ANSWER_MAX, 'tooLong').default(''),
  homeGains: text().trim().max(ANSWER_MAX, 'tooLong').default(''),
  community: text().trim().max(ANSWER_MAX, 'tooLong').default(''),
  body: text().trim().max(BODY_MAX, 'tooLong').default(''),
});
export type ReportInput = z.infer<typeof reportInput>;

export const answersOf = (input: ReportInput): ReportAnswers => Object.fromEntries(REPORT_QUESTIONS.map((q) => [q, input[q]]));

/** A report as pages and the API show it; a report never started is `not_started` with no version. */
export interface ReportView {
  participantId: string;
  participantName: string;
  kind: ReportKind;
  status: ReportStatus | 'not_started';
  answers: Record<(typeof REPORT_QUESTIONS)[number], string>;
  body: string;
  /** When it falls due (report-due-dates.ts); null while the placement dates do not say yet. */
  dueOn: string | null;
  /** Whether the participant may write it yet (the placement began). */
  open: boolean;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  /** The reviewer's remark when it was returned. */
  remark: string | null;
  /** The report's version (its `updatedAt`), null before the first save. */
  version: string | null;
}

export function reportView(participant: ParticipantRow, kind: ReportKind, row: ReportRow | undefined, { withContent = true } = {}): ReportView {
  const content = withContent && row !== undefined;
  return {
    participantId: participant.id,
    participantName: `${participant.givenName} ${participant.familyName}`,
    kind,
    status: row?.status ?? 'not_started',
    answers: Object.fromEntries(REPORT_QUESTIONS.map((q) => [q, content ? (row.answers[q] ?? '') : ''])) as ReportView['answers'],
    body: content ? row.body : '',
    dueOn: reportDueOn(kind, participant),
    open: reportOpen(participant),
    submittedAt: row?.submittedAt ?? null,
    reviewedAt: row?.reviewedAt ?? null,
    remark: row?.reviewNote ?? null,
    version: row ? row.updatedAt.toISOString() : null,
  };
}

/**
 * The participant record the signed-in participant writes reports for: their most recent placement.
 * Anyone who is not a participant is refused (403); a visitor is asked to sign in.
 */
export async function ownParticipant(ctx: CoreContext, tx: Database = ctx.db, { lock = false } = {}): Promise<ParticipantRow> {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  if (actor.kind !== 'user' || actor.participantIds.length === 0) throw new ForbiddenError('report:write-own');
  const query = tx.select().from(participants).where(inArray(participants.id, actor.participantIds)).orderBy(desc(participants.startsOn)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('participant');
  return row;
}

export async function reportOf(tx: Database, participantId: string, kind: ReportKind, { lock = false } = {}): Promise<ReportRow | undefined> {
  const query = tx.select().from(participantReports).where(and(eq(participantReports.participantId, participantId), eq(participantReports.kind, kind)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Optimistic locking of a report: the version the person saw (null: they saw none yet) must still be the row's. */
export function requireReportVersion(row: ReportRow | undefined, version: string | null | undefined): void {
  if (!row) {
    if (version) throw new DomainError('staleEdit', { status: 409 });
    return;
  }
  const expected = version ? new Date(version) : null;
  if (!expected || Number.isNaN(expected.getTime()) || expected.getTime() !== row.updatedAt.getTime()) throw new DomainError('staleEdit', { status: 409 });
}

/** The participant as an email recipient: their account's address and language, else the nomination's. */
export async function participantRecipient(tx: Database, row: ParticipantRow): Promise<{ email: string; name: string; locale: string } | null> {
  const [account] = await tx
    .select({ email: user.email, name: user.name, locale: user.locale, anonymisedAt: user.anonymisedAt })
    .from(participantAccounts)
    .innerJoin(user, eq(user.id, participantAccounts.userId))
    .where(eq(participantAccounts.participantId, row.id));
  if (account && !account.anonymisedAt) return { email: account.email, name: account.name || `${row.givenName} ${row.familyName}`, locale: account.locale };
  if (account?.anonymisedAt || !row.email) return null;
  return { email: row.email, name: `${row.givenName} ${row.familyName}`, locale: row.locale };
}
