import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applicationGoals, applications, goalIndicators, planFlows } from '../../db/schema/applications.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { continuationChoices } from './continuation-choices.ts';
import { confirmApplicationPartner } from './confirm-application-partner.ts';
import { approveApplication } from './approve-application.ts';
import { getApplication } from './get-application.ts';
import { continuedPlan } from './partnership-continuation.ts';
import { scoreApplication } from './score-application.ts';
import { startApplication } from './start-application.ts';
import { SubmissionRefusedError, submitApplication } from './submit-application.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';

/**
 * Addis Ababa (coordinating) and Bergen in the Professional programme: one partnership with an
 * agreement in force whose application has focus, goals and a plan; one with a feasibility study only.
 */
async function world() {
  const db = testDb.db;
  const professional = await createProgramme(db, { name: 'Professional' });
  const health = await createProgramme(db, { name: 'Health (ESTHER)', stayMonths: [6, 12] });
  const addis = await createOrganisation(db, { legalName: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa' });
  const bergen = await createOrganisation(db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
  const moshi = await createOrganisation(db, { legalName: 'Moshi School of Nursing', countryCode: 'TZ', city: 'Moshi' });
  const meron = await createUser(db, { name: 'Meron Tadesse', locale: 'fr', memberships: [{ organisationId: addis.id, role: 'partner_coordinator' }] });
  const eirik = await createUser(db, { name: 'Eirik Vik', locale: 'nb', memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });

  const today = osloDate(new Date());
  const teaching = await createPartnership(db, { title: 'Clinical teaching', programmeId: professional.id, partners: [addis, bergen], startsOn: today, endsOn: `${Number(today.slice(0, 4)) + 3}-12-31` });
  const agreement = await createPartnershipStage(db, { partnership: teaching, kind: 'agreement', flows: [{ from: 0, to: 1, participants: 2 }, { from: 1, to: 0, participants: 1, months: 6 }] });
  await db
    .update(applications)
    .set({ summary: 'Nurse teachers and clinical nurses teach each other.', sectorCode: '12181', sdgGoals: ['3', '4'], sdgTargets: ['3.c'], markers: { human_rights: 0, gender_equality: 1, environment: 0, anti_corruption: 0 }, emergencyPlan: 'Hosts name a contact person.' })
    .where(eq(applications.id, agreement.applicationId));
  for (const [position, organisationId] of [null, addis.id, bergen.id].entries()) {
    const [goal] = await db.insert(applicationGoals).values({ applicationId: agreement.applicationId, organisationId, description: `Goal ${position}`, position }).returning();
    await db.insert(goalIndicators).values({ goalId: goal!.id, description: `Indicator ${position}`, baseline: '0', target: '10', position: 0 });
  }
  const simulation = await createPartnership(db, { title: 'Simulation labs', programmeId: professional.id, partners: [addis, moshi] });
  await createPartnershipStage(db, { partnership: simulation, kind: 'feasibility', startsOn: today, endsOn: `${Number(today.slice(0, 4)) + 1}-01-31` });

  const roundCall = await createCall(db, { programmeId: professional.id, stage: 'round', title: 'Professional: exchange rounds' });
  const as = (u: { actor: unknown }) => coreContext({ db, actor: u.actor as never, publicUrl });
  return { db, professional, health, addis, bergen, moshi, meron, eirik, adviser, teaching, agreement, simulation, roundCall, as };
}

describe('continuing a partnership into its next stage', () => {
  it('starts round 1 of a partnership with an agreement in force, filled in from the agreement, the other partners unconfirmed and asked by email', async () => {
    const w = await world();
    const id = await startApplication(w.as(w.meron), { callId: w.roundCall.id, organisationId: w.addis.id, partnershipId: w.teaching.id, title: 'Clinical teaching: round 1' });
    const detail = await getApplication(w.as(w.meron), { applicationId: id });
    expect(detail.application).toMatchObject({
      partnershipId: w.teaching.id,
      summary: 'Nurse teachers and clinical nurses teach each other.',
      sectorCode: '12181',
      sdgGoals: ['3', '4'],
      sdgTargets: ['3.c'],
      markers: { gender_equality: 1 },
      emergencyPlan: 'Hosts name a contact person.',
      shape: 'north_south',
    });
    expect(detail.partners.map((p) => [p.legalName, p.confirmedAt !== null])).toEqual([['Addis Ababa College of Nursing', true], ['Bergen Kystsjukehus', false]]);
    expect(detail.goals.map((g) => [g.organisationId, g.description, g.indicators.map((i) => i.description)])).toEqual([
      [null, 'Goal 0', ['Indicator 0']],
      [w.addis.id, 'Goal 1', ['Indicator 1']],
      [w.bergen.id, 'Goal 2', ['Indicator 2']],
    ]);
    // The agreement's plan for round 1, starting after the round call's deadline (moved on whole years if it did not).
    const deadlineMonth = w.roundCall.deadline.slice(0, 7);
    const planned = await w.db.select().from(planFlows).where(eq(planFlows.applicationId, w.agreement.applicationId));
    expect(detail.flows.map((f) => [f.round, f.sendingOrganisationId, f.participants, f.months])).toEqual(expect.arrayContaining([[1, w.addis.id, 2, 12], [1, w.bergen.id, 1, 6]]));
    expect(detail.flows).toHaveLength(2);
    for (const f of detail.flows) {
      expect(f.startMonth > deadlineMonth).toBe(true);
      expect(f.startMonth.slice(5)).toBe(planned[0]!.startMonth.slice(5));
    }
    expect(detail.chainProblem).toBeNull();
    const [asked] = await w.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.eirik.email));
    expect(asked).toMatchObject({ template: 'applicationPartnerAdded', locale: 'nb' });
    expect(asked!.textBody).toContain(`${publicUrl}/nb/applications/${id}`);
    const [started] = await w.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(started?.after).toMatchObject({ continues: { partnershipId: w.teaching.id, fromApplicationId: w.agreement.applicationId } });
  });

  it('refuses a round for a partnership with only a feasibility study, on the partnership, saying why', async () => {
    const w = await world();
    const refused = await startApplication(w.as(w.meron), { callId: w.roundCall.id, organisationId: w.addis.id, partnershipId: w.simulation.id, title: 'Simulation labs: round 1' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'roundNeedsAgreement', field: 'partnershipId', status: 400, params: { partnership: 'Simulation labs' } });
    for (const locale of ['en', 'nb', 'nn', 'fr', 'es'] as const) expect(catalogs[locale]['error.roundNeedsAgreement']).toContain('{partnership}');
    await expect(startApplication(w.as(w.meron), { callId: w.roundCall.id, organisationId: w.addis.id, title: 'A round of nothing' })).rejects.toMatchObject({ code: 'roundNeedsPartnership', field: 'partnershipId' });
    expect(await w.db.select().from(applications).where(eq(applications.callId, w.roundCall.id))).toEqual([]);
  });

  it('refuses another programme’s call, and a feasibility study, as a continuation', async () => {
    const w = await world();
    const healthAgreements = await createCall(w.db, { programmeId: w.health.id, stage: 'agreement' });
    await expect(startApplication(w.as(w.meron), { callId: healthAgreements.id, organisationId: w.addis.id, partnershipId: w.teaching.id, title: 'Health agreement' })).rejects.toMatchObject({
      code: 'continuationOtherProgramme',
      field: 'partnershipId',
      params: { partnership: 'Clinical teaching', programme: 'Professional', callProgramme: 'Health (ESTHER)' },
    });
    const studies = await createCall(w.db, { programmeId: w.professional.id, stage: 'feasibility' });
    await expect(startApplication(w.as(w.meron), { callId: studies.id, organisationId: w.addis.id, partnershipId: w.simulation.id, title: 'Another study' })).rejects.toMatchObject({ code: 'feasibilityStartsPartnership' });
    // The study may go on to a collaboration agreement.
    const agreements = await createCall(w.db, { programmeId: w.professional.id, stage: 'agreement' });
    expect(await startApplication(w.as(w.meron), { callId: agreements.id, organisationId: w.addis.id, partnershipId: w.simulation.id, title: 'Simulation labs: agreement' })).toBeTruthy();
  });

  it('refuses on submission when the agreement has ended since the round was started, and again at approval', async () => {
    const w = await world();
    const id = await startApplication(w.as(w.meron), { callId: w.roundCall.id, organisationId: w.addis.id, partnershipId: w.teaching.id, title: 'Clinical teaching: round 1' });
    await confirmApplicationPartner(w.as(w.eirik), { applicationId: id, organisationId: w.bergen.id });
    await w.db.update(partnershipStages).set({ startsOn: '2023-01-01', endsOn: '2025-12-31' }).where(eq(partnershipStages.id, w.agreement.id));
    const refused = await submitApplication(w.as(w.meron), { applicationId: id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SubmissionRefusedError);
    expect((refused as SubmissionRefusedError).problems).toEqual([{ section: 'submit', code: 'agreementEnded', params: { partnership: 'Clinical teaching', endsOn: '2025-12-31' } }]);

    // Submitted while it was in force, then wound down before the decision: approval refuses too.
    await w.db.update(partnershipStages).set({ endsOn: '2030-12-31' }).where(eq(partnershipStages.id, w.agreement.id));
    await submitApplication(w.as(w.meron), { applicationId: id });
    await w.db.update(applications).set({ status: 'closing' }).where(eq(applications.id, w.agreement.applicationId));
    await w.db.update(applications).set({ status: 'in_review' }).where(eq(applications.id, id));
    const { criteria } = await getApplication(w.as(w.adviser), { applicationId: id });
    await scoreApplication(w.as(w.adviser), { applicationId: id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
    const startsOn = w.roundCall.deadline;
    const endsOn = `${Number(startsOn.slice(0, 4)) + 1}-${startsOn.slice(5, 7)}-01`;
    await expect(approveApplication(w.as(w.adviser), { applicationId: id, startsOn, endsOn, amount: 500_000 })).rejects.toMatchObject({ code: 'agreementWindingDown', status: 409 });
  });

  it('offers, for a call, the partnerships that can continue into it and says why the others cannot', async () => {
    const w = await world();
    const other = await createApplication(w.db, { partners: [w.addis, w.bergen], status: 'draft' });
    void other;
    const choices = await continuationChoices(w.as(w.meron), { callId: w.roundCall.id });
    expect(choices.can.map((p) => [p.title, p.nextRound])).toEqual([['Clinical teaching', 1]]);
    expect(choices.cannot).toEqual([{ id: w.simulation.id, title: 'Simulation labs', problem: { code: 'roundNeedsAgreement', params: { partnership: 'Simulation labs' } } }]);
    // Bergen's coordinator sees the same partnership from Bergen's side.
    expect((await continuationChoices(w.as(w.eirik), { callId: w.roundCall.id })).can.map((p) => p.organisationIds)).toEqual([[w.bergen.id]]);
  });
});

describe('the plan a continuation starts from', () => {
  const line = (round: number, startMonth: string) => ({ round, startMonth });

  it('takes the agreement’s plan for the round when it has one, moved on by whole years past the deadline', () => {
    const agreement = [line(1, '2027-08'), line(2, '2028-08'), line(2, '2029-02')];
    expect(continuedPlan({ kind: 'agreement', roundNumber: null, flows: agreement }, { stage: 'round', roundNumber: 2, deadline: '2027-03-15', agreementFlows: agreement })).toEqual([line(2, '2028-08'), line(2, '2029-02')]);
    expect(continuedPlan({ kind: 'agreement', roundNumber: null, flows: agreement }, { stage: 'round', roundNumber: 1, deadline: '2027-09-30', agreementFlows: agreement })).toEqual([line(1, '2028-08')]);
  });

  it('otherwise repeats the last stage’s plan as the new round, a year on', () => {
    const lastRound = [line(1, '2027-08'), line(1, '2027-09')];
    expect(continuedPlan({ kind: 'round', roundNumber: 1, flows: lastRound }, { stage: 'round', roundNumber: 2, deadline: '2028-01-31', agreementFlows: [] })).toEqual([line(2, '2028-08'), line(2, '2028-09')]);
    // An agreement without a plan for that round: its last round's lines.
    const agreement = [line(1, '2027-08'), line(2, '2028-08')];
    expect(continuedPlan({ kind: 'agreement', roundNumber: null, flows: agreement }, { stage: 'round', roundNumber: 3, deadline: '2029-01-31', agreementFlows: agreement })).toEqual([line(3, '2029-08')]);
  });

  it('keeps the round numbers of the plan an agreement continues, and an empty plan empty', () => {
    const study = [line(1, '2026-03'), line(2, '2027-03')];
    expect(continuedPlan({ kind: 'feasibility', roundNumber: null, flows: study }, { stage: 'agreement', roundNumber: null, deadline: '2026-10-15' })).toEqual([line(1, '2027-03'), line(2, '2028-03')]);
    expect(continuedPlan({ kind: 'agreement', roundNumber: null, flows: [] }, { stage: 'round', roundNumber: 1, deadline: '2026-10-15' })).toEqual([]);
  });
});
