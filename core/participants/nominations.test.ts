import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitations } from '../../db/schema/access.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { participants } from '../../db/schema/participants.ts';
import { nominate, nurse, participantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { DomainError, FieldProblemsError, ForbiddenError, NotFoundError } from '../errors.ts';
import { acceptNomination } from './accept-nomination.ts';
import { approveOverPlan } from './approve-over-plan.ts';
import { declineNomination, reasonInput } from './decline-nomination.ts';
import { getParticipant } from './get-participant.ts';
import { grantEligibilityException } from './grant-eligibility-exception.ts';
import { listParticipants } from './list-participants.ts';
import { moveParticipant } from './move-participant.ts';

const testDb = useTestDatabase();

const outboxTo = (to: string) => testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
const auditOf = async (recordId: string) => (await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, recordId))).map((a) => a.action);
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'fulfilled', (e: DomainError) => e.code);

describe('nominating against the plan', () => {
  it('records the person against an approved round’s flow, invites them in their language and asks the host in theirs', async () => {
    const w = await participantWorld(testDb.db);
    const person = nurse();
    const result = await nominate(w, person);
    expect(result.overPlan).toBe(false);
    expect(result.eligibility).toEqual({ problems: [], warnings: [], passes: true });

    const [row] = await testDb.db.select().from(participants).where(eq(participants.id, result.participantId));
    expect(row).toMatchObject({
      status: 'nominated',
      hostDecision: 'pending',
      email: person.email,
      nationality: 'NP',
      residenceCountry: 'NP',
      locale: 'nb',
      partnershipId: w.partnership.id,
      stageId: w.round.id,
      planFlowId: w.flow.id,
      homeOrganisationId: w.kathmandu.id,
      hostOrganisationId: w.bergen.id,
      startsOn: '2026-03-01',
      endsOn: '2026-08-31',
      actualStartsOn: null,
      nominatedBy: w.sender.id,
    });
    expect(person.email).toBe(person.email.toLowerCase());
    expect(row!.updatedAt.toISOString()).toBe(result.version);

    const [invitation] = await testDb.db.select().from(invitations).where(eq(invitations.participantId, result.participantId));
    expect(invitation).toMatchObject({ email: person.email, roleCode: 'participant', organisationId: w.kathmandu.id, locale: 'nb' });
    const [invitationEmail] = await outboxTo(person.email);
    expect(invitationEmail).toMatchObject({ template: 'invitation', locale: 'nb' });
    expect(invitationEmail!.subject).toContain('Invitasjon');

    const hostEmails = (await outboxTo(w.host.email)).filter((e) => e.template === 'participantNominated');
    expect(hostEmails).toHaveLength(1);
    expect(hostEmails[0]).toMatchObject({ locale: 'nb', subject: `Nominasjon av ${person.givenName} ${person.familyName} til et opphold hos dere` });
    expect(hostEmails[0]!.textBody).toContain('1. mars 2026');
    expect(hostEmails[0]!.textBody).toContain(`https://exchange.example/nb/participants/${result.participantId}`);
    expect((await outboxTo(w.sender.email)).filter((e) => e.template === 'participantNominated')).toEqual([]);

    expect(await auditOf(result.participantId)).toEqual(['participant.nominated']);
    const read = await getParticipant(w.as(w.sender), { participantId: result.participantId });
    expect(read.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'nominated', reason: null, by: w.sender.email })]);
    expect(read.eligibilityExceptions).toEqual([]);
  });

  it('lets only the sending partner’s coordinators nominate, and only against an approved round', async () => {
    const w = await participantWorld(testDb.db);
    await expect(nominate({ ...w, sender: w.stranger })).rejects.toBeInstanceOf(NotFoundError);
    await expect(nominate({ ...w, sender: w.host })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(nominate({ ...w, sender: w.adviser })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(nominate(w, nurse(), randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(nominate(w, nurse(), 'not-an-id')).rejects.toBeInstanceOf(NotFoundError);
    await expect(nominate(w, nurse(), w.agreementFlow.id)).rejects.toMatchObject({ code: 'roundNotApproved', status: 409 });
    expect(await testDb.db.select().from(participants).where(eq(participants.planFlowId, w.flow.id))).toEqual([]);
  });

  it('refuses a nomination form with every wrong field named at once', () => {
    const parsed = reasonInput.safeParse({ reason: '   ' });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['giveReason']);
    expect(() => nurse({ endsOn: '2026-02-01', nationality: 'XX', gender: 'unknown', locale: 'de' })).toThrow();
    try {
      nurse({ endsOn: '2026-02-01', nationality: 'XX', gender: 'unknown', locale: 'de', email: 'nobody' });
    } catch (error) {
      const issues = (error as { issues: { path: string[]; message: string }[] }).issues.map((i) => [i.path.join('.'), i.message]);
      expect(issues).toEqual(
        expect.arrayContaining([
          ['gender', 'chooseGender'],
          ['nationality', 'chooseCountry'],
          ['email', 'invalidEmail'],
          ['locale', 'chooseLanguage'],
          ['endsOn', 'endBeforeStart'],
        ]),
      );
    }
  });
});

describe('the planned number of people', () => {
  it('takes a nomination beyond the plan, but it waits for an adviser to allow it with a reason', async () => {
    const w = await participantWorld(testDb.db);
    expect((await nominate(w)).overPlan).toBe(false);
    const extra = await nominate(w);
    expect(extra.overPlan).toBe(true);
    const { version } = await acceptNomination(w.as(w.host), { participantId: extra.participantId, version: extra.version });
    await expect(moveParticipant(w.as(w.adviser), { participantId: extra.participantId, version, to: 'approved' })).rejects.toMatchObject({ code: 'overPlanNotApproved' });

    await expect(approveOverPlan(w.as(w.sender), { participantId: extra.participantId, version, reason: 'Two nurses' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveOverPlan(w.as(w.otherAdviser), { participantId: extra.participantId, version, reason: 'Two nurses' })).rejects.toBeInstanceOf(NotFoundError);
    const allowed = await approveOverPlan(w.as(w.adviser), { participantId: extra.participantId, version, reason: 'The ward needs two nurses this year; the budget allows it.' });
    await expect(approveOverPlan(w.as(w.adviser), { participantId: extra.participantId, version: allowed.version, reason: 'again' })).rejects.toMatchObject({ code: 'notOverPlan', status: 409 });
    const [row] = await testDb.db.select().from(participants).where(eq(participants.id, extra.participantId));
    expect(row).toMatchObject({ overPlanReason: 'The ward needs two nurses this year; the budget allows it.', overPlanApprovedBy: w.adviser.id });
    expect(await auditOf(extra.participantId)).toContain('participant.over-plan-approved');

    await expect(moveParticipant(w.as(w.adviser), { participantId: extra.participantId, version: allowed.version, to: 'approved' })).resolves.toMatchObject({ status: 'approved' });
  });

  it('no longer counts a declined or withdrawn nomination against the plan', async () => {
    const w = await participantWorld(testDb.db);
    const first = await nominate(w);
    await declineNomination(w.as(w.host), { participantId: first.participantId, version: first.version, reason: 'No supervisor free in March' });
    const second = await nominate(w);
    expect(second.overPlan).toBe(false);
    await moveParticipant(w.as(w.sender), { participantId: second.participantId, version: second.version, to: 'withdrawn', reason: 'Fell ill' });
    expect((await nominate(w)).overPlan).toBe(false);
  });
});

describe('the host partner’s answer', () => {
  it('accepts: the sending coordinators are told in their language', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    await expect(acceptNomination(w.as(w.sender), { participantId: n.participantId, version: n.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptNomination(w.as(w.stranger), { participantId: n.participantId, version: n.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptNomination(w.as(w.host), { participantId: randomUUID(), version: n.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptNomination(w.as(w.host), { participantId: n.participantId, version: '2020-01-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    const { version } = await acceptNomination(w.as(w.host), { participantId: n.participantId, version: n.version });
    await expect(acceptNomination(w.as(w.host), { participantId: n.participantId, version })).rejects.toMatchObject({ code: 'nominationDecided', status: 409 });
    const read = await getParticipant(w.as(w.host), { participantId: n.participantId });
    expect(read).toMatchObject({ hostDecision: 'accepted', hostDecidedBy: w.host.id, status: 'nominated' });
    const told = (await outboxTo(w.sender.email)).filter((e) => e.template === 'nominationDecided');
    expect(told.map((e) => [e.locale, e.subject])).toEqual([['en', `${w.bergen.legalName} has accepted the nomination of ${read.givenName} ${read.familyName}`]]);
    expect(await auditOf(n.participantId)).toEqual(['participant.nominated', 'participant.host-accepted']);
  });

  it('declines with a reason: the nomination ends as withdrawn, and sender and person are told', async () => {
    const w = await participantWorld(testDb.db);
    const person = nurse({ locale: 'fr' });
    const n = await nominate(w, person);
    const { version } = await declineNomination(w.as(w.host), { participantId: n.participantId, version: n.version, reason: 'No supervisor free in March' });
    const read = await getParticipant(w.as(w.sender), { participantId: n.participantId });
    expect(read).toMatchObject({ status: 'withdrawn', hostDecision: 'declined', hostDeclineReason: 'No supervisor free in March', statusReason: 'No supervisor free in March', version });
    expect(read.statusHistory.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'nominated', null],
      ['nominated', 'withdrawn', 'No supervisor free in March'],
    ]);
    const senderEmail = (await outboxTo(w.sender.email)).find((e) => e.template === 'nominationDecided')!;
    expect(senderEmail.textBody).toContain('declined');
    expect(senderEmail.textBody).toContain('Reason: No supervisor free in March');
    const personEmail = (await outboxTo(person.email)).find((e) => e.template === 'participantStatus')!;
    expect(personEmail).toMatchObject({ locale: 'fr' });
    expect(personEmail.subject).toContain('Retiré');
    await expect(moveParticipant(w.as(w.adviser), { participantId: n.participantId, version, to: 'approved' })).rejects.toMatchObject({ code: 'participantIllegalMove', params: { from: 'withdrawn', to: 'approved' } });
    expect(await auditOf(n.participantId)).toEqual(['participant.nominated', 'participant.host-declined']);
  });
});

describe('eligibility and exceptions', () => {
  it('names every problem at once, holds back approval until each has an adviser’s exception, and shows the exceptions wherever the participant is read', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w, nurse({ birthDate: '1985-02-10', residenceCountry: 'IN', endsOn: '2026-11-30' }));
    expect(n.eligibility.passes).toBe(false);
    expect(n.eligibility.problems.map((p) => [p.code, p.exception])).toEqual([
      ['ageNotEligible', null],
      ['stayLengthNotAllowed', null],
      ['residenceNotSendingCountry', null],
    ]);
    let { version } = await acceptNomination(w.as(w.host), { participantId: n.participantId, version: n.version });
    const refused = await moveParticipant(w.as(w.adviser), { participantId: n.participantId, version, to: 'approved' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems.map((p) => p.code)).toEqual(['ageNotEligible', 'stayLengthNotAllowed', 'residenceNotSendingCountry']);

    const grant = (user: typeof w.adviser, problem: 'ageNotEligible' | 'stayLengthNotAllowed' | 'residenceNotSendingCountry' | 'overlappingPlacement', reason = 'A senior nurse is what the ward asked for') =>
      grantEligibilityException(w.as(user), { participantId: n.participantId, problem, reason });
    await expect(grant(w.sender, 'ageNotEligible')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(grant(w.host, 'ageNotEligible')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(grant(w.otherAdviser, 'ageNotEligible')).rejects.toBeInstanceOf(NotFoundError);
    await expect(grant(w.adviser, 'overlappingPlacement')).rejects.toMatchObject({ code: 'noSuchEligibilityProblem', field: 'problem' });
    const after = await grant(w.adviser, 'ageNotEligible');
    expect(after.problems.find((p) => p.code === 'ageNotEligible')!.exception).toMatchObject({ reason: 'A senior nurse is what the ward asked for', grantedBy: w.adviser.id });
    expect(after.passes).toBe(false);
    await expect(grant(w.admin, 'ageNotEligible')).rejects.toMatchObject({ code: 'exceptionAlreadyGranted', status: 409 });

    for (const reader of [w.sender, w.host, w.adviser]) {
      const read = await getParticipant(w.as(reader), { participantId: n.participantId });
      expect(read.eligibilityExceptions).toEqual([expect.objectContaining({ problem: 'ageNotEligible', reason: 'A senior nurse is what the ward asked for' })]);
      const listed = (await listParticipants(w.as(reader))).items.find((p) => p.id === n.participantId)!;
      expect(listed.eligibilityExceptions.map((e) => e.problem)).toEqual(['ageNotEligible']);
    }

    const refusedAgain = await moveParticipant(w.as(w.adviser), { participantId: n.participantId, version, to: 'approved' }).catch((e: FieldProblemsError) => e.problems.map((p) => p.code));
    expect(refusedAgain).toEqual(['stayLengthNotAllowed', 'residenceNotSendingCountry']);
    await grant(w.admin, 'stayLengthNotAllowed', 'Nine months fits the hospital’s training cycle');
    await grant(w.adviser, 'residenceNotSendingCountry', 'Works in Kathmandu, lives across the border');
    ({ version } = await moveParticipant(w.as(w.adviser), { participantId: n.participantId, version, to: 'approved' }));
    expect(version).toBeTruthy();
    expect((await auditOf(n.participantId)).filter((a) => a === 'participant.exception-granted')).toHaveLength(3);
  });

  it('refuses the same person in an overlapping placement, and only warns about a near match', async () => {
    const w = await participantWorld(testDb.db);
    const first = nurse();
    await nominate(w, first);
    const sameEmail = await nominate(w, nurse({ email: first.email.toUpperCase(), givenName: 'Anjali' }));
    expect(sameEmail.eligibility.problems.map((p) => p.code)).toEqual(['overlappingPlacement']);
    const sameNameAndBirth = await nominate(w, nurse({ birthDate: first.birthDate, startsOn: '2026-06-01', endsOn: '2026-11-30' }));
    expect(sameNameAndBirth.eligibility.problems.map((p) => p.code)).toEqual(['overlappingPlacement']);
    const near = await nominate(w, nurse({ birthDate: first.birthDate, givenName: 'SITÁ', familyName: 'Shresta' }));
    expect(near.eligibility.problems).toEqual([]);
    expect(near.eligibility.warnings.map((x) => x.code)).toEqual(['possibleSamePerson', 'possibleSamePerson']);
    // A later placement of the same person does not overlap: no problem of that kind.
    const later = await nominate(w, nurse({ email: first.email, startsOn: '2026-09-01', endsOn: '2026-12-31', birthDate: '1992-05-05' }));
    expect(later.eligibility.problems.map((p) => p.code)).toEqual(['stayLengthNotAllowed']);
  });
});

describe('what others see', () => {
  it('shows a coordinator of an unrelated organisation nothing, and answers a guessed id with not found', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    await expect(getParticipant(w.as(w.stranger), { participantId: n.participantId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listParticipants(w.as(w.stranger))).items.map((p) => p.id)).not.toContain(n.participantId);
    await expect(declineNomination(w.as(w.stranger), { participantId: n.participantId, version: n.version, reason: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(moveParticipant(w.as(w.stranger), { participantId: n.participantId, version: n.version, to: 'withdrawn', reason: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    for (const id of [randomUUID(), 'guess']) {
      expect(await codeOf(getParticipant(w.as(w.sender), { participantId: id }))).toBe('notFound');
      expect(await codeOf(moveParticipant(w.as(w.admin), { participantId: id, version: n.version, to: 'withdrawn', reason: 'x' }))).toBe('notFound');
    }
    const [still] = await testDb.db.select({ status: participants.status }).from(participants).where(and(eq(participants.id, n.participantId)));
    expect(still!.status).toBe('nominated');
  });
});
