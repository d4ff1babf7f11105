import { describe, expect, it } from 'vitest';
import { listNominationFlows } from '../../core/participants/list-nomination-flows.ts';
import { getParticipant } from '../../core/participants/get-participant.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { nominate, nurse, participantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { moveField } from './move-fields.ts';
import { runNomination } from './nomination-form.server.ts';
import { runParticipantAction } from './participant-actions.server.ts';

const testDb = useTestDatabase();
const t = createTranslator('nn');
const nn = catalogs.nn;
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
};

describe('the nomination form', () => {
  it('names every refused field at once, in the form’s order, and keeps what was typed', async () => {
    const w = await participantWorld(testDb.db);
    const { flows } = await listNominationFlows(w.as(w.sender), { partnershipId: w.partnership.id });
    const typed = { planFlowId: w.returnFlow.id, givenName: 'Sita', familyName: '', birthDate: 'yesterday', gender: 'x', nationality: 'ZZ', residenceCountry: 'NP', email: 'not-an-email', profession: 'Nurse', startsOn: '2026-03-01', endsOn: '2026-02-01', locale: 'nn' };
    const outcome = await runNomination({ ctx: w.as(w.sender), t, flows, form: form(typed) });
    if (!('errors' in outcome)) throw new Error('expected a refusal');
    expect(outcome.status).toBe(400);
    expect(outcome.values).toEqual(typed);
    expect(outcome.errors.map((e) => e.field)).toEqual(['planFlowId', 'familyName', 'birthDate', 'gender', 'nationality', 'email', 'endsOn']);
    expect(outcome.errors[0]!.message).toBe(nn['error.choosePlanFlow']);
  });

  it('nominates, and says when the nomination goes over the plan', async () => {
    const w = await participantWorld(testDb.db);
    const { flows } = await listNominationFlows(w.as(w.sender), { partnershipId: w.partnership.id });
    const person = (n: number) => ({ ...nurse(), planFlowId: w.flow.id, email: `nurse${n}.${Date.now()}@example.org` });
    const first = await runNomination({ ctx: w.as(w.sender), t, flows, form: form(person(1)) });
    expect(first).toEqual({ participantId: expect.any(String), overPlan: false });
    const second = await runNomination({ ctx: w.as(w.sender), t, flows, form: form(person(2)) });
    expect(second).toMatchObject({ overPlan: true });
  });
});

describe('the participant page’s forms', () => {
  it('lets the host decline only with a reason, then keeps the reason in the history', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    const ctx = w.as(w.host);
    const refused = await runParticipantAction({ ctx, t, participantId: n.participantId, form: form({ intent: 'decline', version: n.version, declineReason: '  ' }) });
    expect(refused).toMatchObject({ status: 400, errors: [{ field: 'declineReason', message: nn['error.giveReason'] }] });
    const done = await runParticipantAction({ ctx, t, participantId: n.participantId, form: form({ intent: 'decline', version: n.version, declineReason: 'No ward free in March' }) });
    expect(done).toEqual({ saved: 'decline' });
    const read = await getParticipant(ctx, { participantId: n.participantId });
    expect(read).toMatchObject({ status: 'withdrawn', hostDecision: 'declined' });
    expect(read.statusHistory.at(-1)).toMatchObject({ to: 'withdrawn', reason: 'No ward free in March' });
  });

  it('says a stale version clearly, and keeps what was typed', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    await runParticipantAction({ ctx: w.as(w.host), t, participantId: n.participantId, form: form({ intent: 'accept', version: n.version }) });
    const stale = await runParticipantAction({ ctx: w.as(w.sender), t, participantId: n.participantId, form: form({ intent: 'move', to: 'withdrawn', version: n.version, [moveField('withdrawn', 'reason')]: 'Changed her mind' }) });
    expect(stale).toMatchObject({ status: 409, errors: [{ field: 'form', message: nn['error.staleEdit'] }], values: { [moveField('withdrawn', 'reason')]: 'Changed her mind' } });
  });

  it('names every reason a move cannot be made yet, each with its own place on the page', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w, nurse({ birthDate: '1960-01-01', residenceCountry: 'IN' }));
    const refused = await runParticipantAction({ ctx: w.as(w.adviser), t, participantId: n.participantId, form: form({ intent: 'move', to: 'approved', version: n.version }) });
    if (!('errors' in refused)) throw new Error('expected a refusal');
    expect(refused.status).toBe(400);
    expect(refused.errors.map((e) => e.field)).toEqual(['move-approved', 'move-approved--2', 'move-approved--3']);
    expect(refused.errors[0]!.message).toBe(nn['error.hostNotAccepted']);
  });

  it('lets the adviser make an exception with a reason, and says an illegal move in the reader’s words', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w, nurse({ birthDate: '1960-01-01' }));
    const noReason = await runParticipantAction({ ctx: w.as(w.adviser), t, participantId: n.participantId, form: form({ intent: 'exception', exceptionProblem: 'ageNotEligible', exceptionReason: '' }) });
    expect(noReason).toMatchObject({ errors: [{ field: 'exceptionReason' }] });
    const granted = await runParticipantAction({ ctx: w.as(w.adviser), t, participantId: n.participantId, form: form({ intent: 'exception', exceptionProblem: 'ageNotEligible', exceptionReason: 'Senior specialist, agreed with the host' }) });
    expect(granted).toEqual({ saved: 'exception' });
    const again = await runParticipantAction({ ctx: w.as(w.adviser), t, participantId: n.participantId, form: form({ intent: 'exception', exceptionProblem: 'ageNotEligible', exceptionReason: 'Again' }) });
    expect(again).toMatchObject({ status: 409, errors: [{ field: 'exceptionProblem', message: nn['error.exceptionAlreadyGranted'] }] });
    const { version } = await getParticipant(w.as(w.adviser), { participantId: n.participantId });
    const illegal = await runParticipantAction({ ctx: w.as(w.adviser), t, participantId: n.participantId, form: form({ intent: 'move', to: 'returned', version }) });
    if (!('errors' in illegal)) throw new Error('expected a refusal');
    expect(illegal.status).toBe(409);
    expect(illegal.errors[0]!.message).toContain(nn['participantStatus.nominated']);
    expect(illegal.errors[0]!.message).toContain(nn['participantStatus.returned']);
    const unknown = await runParticipantAction({ ctx: w.as(w.adviser), t, participantId: n.participantId, form: form({ intent: 'dance' }) });
    expect(unknown).toMatchObject({ status: 400, errors: [{ field: 'form' }] });
  });
});
