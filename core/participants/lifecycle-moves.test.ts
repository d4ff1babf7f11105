import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAcceptedDocuments, createCourse, createParticipantDocument, createParticipantReport, enrolInCourse } from '../../db/factories/participant-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { courseAttendance, participantDocuments, participantReports, participantStatusHistory } from '../../db/schema/participants.ts';
import { nominate, nurse, participantWorld, type ParticipantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, ForbiddenError, NotFoundError, UnauthenticatedError, type DomainError } from '../errors.ts';
import { acceptNomination } from './accept-nomination.ts';
import { getParticipant } from './get-participant.ts';
import { moveParticipant, type MoveInput } from './move-participant.ts';

const testDb = useTestDatabase();

const march = () => new Date('2026-03-05T10:00:00Z');
const september = () => new Date('2026-09-15T10:00:00Z');
const problemCodes = (promise: Promise<unknown>) => promise.then(() => [], (e: DomainError) => (e instanceof FieldProblemsError ? e.problems.map((p) => p.code) : [e.code]));

/** A nomination the host accepted, with its current version. */
async function accepted(w: ParticipantWorld, person = nurse()) {
  const n = await nominate(w, person);
  const { version } = await acceptNomination(w.as(w.host), { participantId: n.participantId, version: n.version });
  return { participantId: n.participantId, version, person };
}

/** Moves on, as `user`, with the version the participant has now. */
async function move(w: ParticipantWorld, user: ParticipantWorld['adviser'], participantId: string, input: MoveInput, clock = september) {
  const { version } = await getParticipant(w.as(w.admin), { participantId });
  return moveParticipant(w.as(user, clock), { participantId, version, ...input });
}

describe('the whole way, nominated to alumni', () => {
  it('moves only when each guard holds, recording actual dates, the history, the audit trail and emails', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId } = await accepted(w);
    await move(w, w.adviser, participantId, { to: 'approved' }, march);
    await move(w, w.sender, participantId, { to: 'preparing' }, march);

    // Into placement: every checklist document accepted, and a preparatory course attended in full.
    expect(await problemCodes(move(w, w.host, participantId, { to: 'in_placement', on: '2026-03-03' }, march))).toEqual(['documentsNotAccepted', 'preparatoryCourseNotAttended']);
    await createParticipantDocument(testDb.db, { participantId, kind: 'Signed contract' });
    await createParticipantDocument(testDb.db, { participantId, kind: 'Insurance', status: 'submitted' });
    const course = await createCourse(testDb.db, { kind: 'preparatory', organisationId: w.kathmandu.id, sessions: 3 });
    await enrolInCourse(testDb.db, course, participantId, { attended: [true, false, true] });
    const refused = await move(w, w.host, participantId, { to: 'in_placement', on: '2026-03-03' }, march).catch((e: FieldProblemsError) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems).toEqual([
      { field: 'to', code: 'documentsNotAccepted', params: { documents: 'Insurance' } },
      { field: 'to', code: 'preparatoryCourseNotAttended' },
    ]);
    await testDb.db.update(participantDocuments).set({ status: 'accepted' }).where(eq(participantDocuments.participantId, participantId));
    await testDb.db.update(courseAttendance).set({ attended: true }).where(eq(courseAttendance.participantId, participantId));
    await move(w, w.host, participantId, { to: 'in_placement', on: '2026-03-03' }, march);
    expect(await getParticipant(w.as(w.sender), { participantId })).toMatchObject({ status: 'in_placement', actualStartsOn: '2026-03-03', startsOn: '2026-03-01' });

    await move(w, w.host, participantId, { to: 'returned', on: '2026-08-28' });

    // Completed: the final report in and a homecoming seminar attended.
    expect(await problemCodes(move(w, w.sender, participantId, { to: 'completed' }))).toEqual(['finalReportMissing', 'homecomingNotAttended']);
    await createParticipantReport(testDb.db, { participantId, kind: 'final', status: 'draft' });
    const seminar = await createCourse(testDb.db, { kind: 'homecoming', programmeId: w.programme.id, sessions: 1 });
    await enrolInCourse(testDb.db, seminar, participantId);
    expect(await problemCodes(move(w, w.sender, participantId, { to: 'completed' }))).toEqual(['finalReportMissing']);
    await testDb.db.update(participantReports).set({ status: 'submitted', submittedAt: new Date() }).where(eq(participantReports.participantId, participantId));
    await move(w, w.sender, participantId, { to: 'completed' });
    await move(w, w.adviser, participantId, { to: 'alumni' });

    const read = await getParticipant(w.as(w.sender), { participantId });
    expect(read).toMatchObject({ status: 'alumni', actualStartsOn: '2026-03-03', actualEndsOn: '2026-08-28', endsOn: '2026-08-31' });
    expect(read.statusHistory.map((h) => [h.from, h.to])).toEqual([
      [null, 'nominated'],
      ['nominated', 'approved'],
      ['approved', 'preparing'],
      ['preparing', 'in_placement'],
      ['in_placement', 'returned'],
      ['returned', 'completed'],
      ['completed', 'alumni'],
    ]);
    expect(read.statusHistory.map((h) => h.by)).toEqual([w.sender.email, w.adviser.email, w.sender.email, w.host.email, w.host.email, w.sender.email, w.adviser.email]);
    const actions = (await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, participantId))).map((a) => a.action);
    expect(actions).toEqual([
      'participant.nominated',
      'participant.host-accepted',
      'participant.approved',
      'participant.preparing',
      'participant.in_placement',
      'participant.returned',
      'participant.completed',
      'participant.alumni',
    ]);
  });
});

describe('moves refused', () => {
  it('refuses a move the lifecycle does not have, naming both statuses', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId } = await accepted(w);
    await expect(move(w, w.adviser, participantId, { to: 'in_placement', on: '2026-03-03' })).rejects.toMatchObject({ code: 'participantIllegalMove', status: 409, params: { from: 'nominated', to: 'in_placement' } });
    await expect(move(w, w.sender, participantId, { to: 'ended_early', reason: 'x' })).rejects.toMatchObject({ code: 'participantIllegalMove', params: { from: 'nominated', to: 'ended_early' } });
    await move(w, w.sender, participantId, { to: 'withdrawn', reason: 'Took another job' });
    await expect(move(w, w.adviser, participantId, { to: 'approved' })).rejects.toMatchObject({ code: 'participantIllegalMove', params: { from: 'withdrawn', to: 'approved' } });
  });

  it('lets each party make only its own moves', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId } = await accepted(w);
    // Only the agency approves: not the partners, not an adviser of another programme, not the person.
    await expect(move(w, w.sender, participantId, { to: 'approved' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(w, w.host, participantId, { to: 'approved' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(w, w.otherAdviser, participantId, { to: 'approved' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(move(w, w.stranger, participantId, { to: 'approved' })).rejects.toBeInstanceOf(NotFoundError);
    const self = await createUser(testDb.db, { participantIds: [participantId] });
    await expect(move(w, self, participantId, { to: 'withdrawn', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(move(w, finance, participantId, { to: 'approved' })).rejects.toBeInstanceOf(ForbiddenError);
    const { version } = await getParticipant(w.as(w.admin), { participantId });
    await expect(moveParticipant(coreContext({ db: testDb.db }), { participantId, version, to: 'approved' })).rejects.toBeInstanceOf(UnauthenticatedError);
    // The host may not withdraw a nomination (it declines it instead); the administrator may approve.
    await expect(move(w, w.host, participantId, { to: 'withdrawn', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(w, w.admin, participantId, { to: 'approved' })).resolves.toMatchObject({ status: 'approved' });
    // Guessed ids are not found, for everyone.
    for (const id of [randomUUID(), '1 or 1=1']) {
      await expect(moveParticipant(w.as(w.admin), { participantId: id, version, to: 'withdrawn', reason: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('needs a reason to withdraw or end early, and a date that has come for the actual start and end', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId } = await accepted(w);
    expect(await problemCodes(move(w, w.sender, participantId, { to: 'withdrawn', reason: '  ' }))).toEqual(['giveReason']);
    await move(w, w.adviser, participantId, { to: 'approved' });
    await move(w, w.sender, participantId, { to: 'preparing' });
    await createAcceptedDocuments(testDb.db, participantId, w.programme.documents);
    await enrolInCourse(testDb.db, await createCourse(testDb.db, { kind: 'preparatory', organisationId: w.kathmandu.id }), participantId);
    expect(await problemCodes(move(w, w.sender, participantId, { to: 'in_placement' }, march))).toEqual(['chooseDate']);
    expect(await problemCodes(move(w, w.sender, participantId, { to: 'in_placement', on: '2026-03-06' }, march))).toEqual(['dateInFuture']);
    await move(w, w.sender, participantId, { to: 'in_placement', on: '2026-03-05' }, march);
    expect(await problemCodes(move(w, w.host, participantId, { to: 'ended_early', on: '2026-05-02' }))).toEqual(['giveReason']);
    expect(await problemCodes(move(w, w.host, participantId, { to: 'ended_early', on: '2026-03-01', reason: 'Illness' }))).toEqual(['endBeforeStart']);
    await move(w, w.host, participantId, { to: 'ended_early', on: '2026-05-02', reason: 'Serious illness in the family' });
    const read = await getParticipant(w.as(w.sender), { participantId });
    expect(read).toMatchObject({ status: 'ended_early', statusReason: 'Serious illness in the family', actualStartsOn: '2026-03-05', actualEndsOn: '2026-05-02' });
    expect(read.statusHistory.at(-1)).toMatchObject({ from: 'in_placement', to: 'ended_early', reason: 'Serious illness in the family' });
  });
});

describe('two moves at once', () => {
  it('lets one of two moves made from the same version win, and refuses the other as stale', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, version } = await accepted(w);
    const results = await Promise.allSettled([
      moveParticipant(w.as(w.adviser), { participantId, version, to: 'approved' }),
      moveParticipant(w.as(w.sender), { participantId, version, to: 'withdrawn', reason: 'Changed her mind' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'staleEdit', status: 409 });
    const history = await testDb.db.select().from(participantStatusHistory).where(eq(participantStatusHistory.participantId, participantId));
    expect(history).toHaveLength(2);
    // And a version from before any change is stale too.
    await expect(moveParticipant(w.as(w.admin), { participantId, version, to: 'withdrawn', reason: 'x' })).rejects.toMatchObject({ code: 'staleEdit' });
    await expect(moveParticipant(w.as(w.admin), { participantId, version: 'yesterday', to: 'withdrawn', reason: 'x' })).rejects.toMatchObject({ code: 'staleEdit' });
  });
});

describe('emails about a move', () => {
  it('go to the person and both partners’ coordinators, each in their own language', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, person } = await accepted(w, nurse({ locale: 'es' }));
    await move(w, w.adviser, participantId, { to: 'approved' });
    const statusEmails = async (to: string) => (await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).filter((e) => e.template === 'participantStatus');
    const name = `${person.givenName} ${person.familyName}`;
    expect((await statusEmails(person.email)).map((e) => [e.locale, e.subject])).toEqual([['es', `${name}: Aprobado`]]);
    expect((await statusEmails(w.sender.email)).map((e) => [e.locale, e.subject])).toEqual([['en', `${name}: Approved`]]);
    expect((await statusEmails(w.host.email)).map((e) => [e.locale, e.subject])).toEqual([['nb', `${name}: Godkjent`]]);
    expect(await statusEmails(w.adviser.email)).toEqual([]);

    // Once the person has an account, their account's language and address.
    const account = await createUser(testDb.db, { locale: 'fr', participantIds: [participantId] });
    await move(w, w.sender, participantId, { to: 'withdrawn', reason: 'A new job at home' });
    const french = await statusEmails(account.email);
    expect(french.map((e) => [e.locale, e.subject])).toEqual([['fr', `${name} : Retiré`]]);
    expect(french[0]!.textBody).toContain('Motif : A new job at home');
    expect(await statusEmails(person.email)).toHaveLength(1);
  });
});
