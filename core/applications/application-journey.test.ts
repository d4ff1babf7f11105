import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { addApplicationPartner } from './add-application-partner.ts';
import { addApplicationGoal } from './add-application-goal.ts';
import { applicationGoalInput } from './goal-input.ts';
import { confirmApplicationPartner } from './confirm-application-partner.ts';
import { approveApplication } from './approve-application.ts';
import { getApplication } from './get-application.ts';
import { listApplications } from './list-applications.ts';
import { encodeCursor } from '../pagination/keyset-cursor.ts';
import { addPlanFlow } from './add-plan-flow.ts';
import { planFlowInput } from './plan-flow-input.ts';
import { removePlanFlow } from './remove-plan-flow.ts';
import { scoreApplication } from './score-application.ts';
import { startReview } from './start-review.ts';
import { startApplication } from './start-application.ts';
import { SubmissionRefusedError, submitApplication } from './submit-application.ts';
import { updateApplicationBasics } from './update-application-basics.ts';
import { updateApplicationFocus } from './update-application-focus.ts';
import { updateEmergencyPlan } from './update-emergency-plan.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';

async function world() {
  const db = testDb.db;
  const programme = await createProgramme(db, { stayMonths: [6, 12], allowedShapes: ['north_south', 'south_south', 'triangular'] });
  const call = await createCall(db, { programmeId: programme.id, stage: 'agreement' });
  const addis = await createOrganisation(db, { legalName: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa' });
  const bergen = await createOrganisation(db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
  const kathmandu = await createOrganisation(db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
  const meron = await createUser(db, { name: 'Meron Tadesse', memberships: [{ organisationId: addis.id, role: 'partner_coordinator' }] });
  const eirik = await createUser(db, { name: 'Eirik Vik', locale: 'nb', memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const sita = await createUser(db, { name: 'Sita Shrestha', memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  return { db, call, addis, bergen, kathmandu, meron, eirik, sita, adviser };
}

const flow = (from: string, to: string, overrides: Record<string, unknown> = {}) =>
  planFlowInput.parse({ round: '1', sendingOrganisationId: from, hostOrganisationId: to, participants: '2', months: '12', startMonth: '2027-08', competence: 'Neonatal nursing', purpose: 'Set up a neonatal unit', ...overrides });

describe('a triangular application from draft to approval', () => {
  it('refuses a plan where a partner hosts no one, naming the partner, and approves once fixed', async () => {
    const w = await world();
    const as = (u: { actor: unknown }) => coreContext({ db: w.db, actor: u.actor as never, publicUrl });
    const id = await startApplication(as(w.meron), { callId: w.call.id, organisationId: w.addis.id, title: 'Nurses learning across three countries' });
    await updateApplicationBasics(as(w.meron), { applicationId: id, title: 'Nurses learning across three countries', summary: 'Nursing schools and hospitals exchange staff.', version: (await getApplication(as(w.meron), { applicationId: id })).application.updatedAt.toISOString() });
    await addApplicationPartner(as(w.meron), { applicationId: id, organisationId: w.bergen.id });
    await addApplicationPartner(as(w.meron), { applicationId: id, organisationId: w.kathmandu.id });
    expect((await getApplication(as(w.meron), { applicationId: id })).application.shape).toBe('triangular');
    // The added partners' coordinators are asked to confirm, each in their own language.
    const asked = await w.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.eirik.email));
    expect(asked[0]?.subject).toContain('Bergen Kystsjukehus');

    await updateApplicationFocus(as(w.meron), { applicationId: id, sectorCode: '12181', sdgGoals: ['3', '4'], sdgTargets: ['3.c'], markers: { human_rights: 1, gender_equality: 2, environment: 0, anti_corruption: 0 } });
    for (const owner of ['shared', w.addis.id, w.bergen.id, w.kathmandu.id]) {
      await addApplicationGoal(as(w.meron), { applicationId: id, ...applicationGoalInput.parse({ owner, description: 'Better neonatal care', indicators: [{ description: 'Nurses trained', baseline: '0', target: '40' }] }) });
    }
    await updateEmergencyPlan(as(w.meron), { applicationId: id, emergencyPlan: 'Host contact persons on call; evacuation through the embassy.' });
    await addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.addis.id, w.bergen.id) });
    await addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.bergen.id, w.addis.id) });
    await addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.kathmandu.id, w.addis.id) });

    const refused = await submitApplication(as(w.meron), { applicationId: id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SubmissionRefusedError);
    const codes = (refused as SubmissionRefusedError).problems.map((p) => [p.code, p.params.partner ?? '']);
    expect(codes).toContainEqual(['hostsNoOne', 'Kathmandu Model Hospital']);
    expect(codes).toContainEqual(['partnerNotConfirmed', 'Bergen Kystsjukehus']);
    expect(codes).toContainEqual(['partnerNotConfirmed', 'Kathmandu Model Hospital']);

    await addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.bergen.id, w.kathmandu.id) });
    await confirmApplicationPartner(as(w.eirik), { applicationId: id, organisationId: w.bergen.id });
    await confirmApplicationPartner(as(w.sita), { applicationId: id, organisationId: w.kathmandu.id });
    await submitApplication(as(w.meron), { applicationId: id });

    await startReview(as(w.adviser), { applicationId: id });
    const { criteria } = await getApplication(as(w.adviser), { applicationId: id });
    // Read with the application in one query, the criteria are the call's rows in their order.
    expect(criteria).toEqual(await w.db.select().from(callCriteria).where(eq(callCriteria.callId, w.call.id)).orderBy(asc(callCriteria.position)));
    expect(criteria.length).toBeGreaterThan(1);
    await scoreApplication(as(w.adviser), { applicationId: id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
    const listed = await listApplications(as(w.adviser), { call: w.call.id });
    expect(listed.items[0]?.score).toBe(4);
    // The total rides with the page, under the filter and the actor's scope; past the last page too.
    expect(listed.total).toBe(1);
    expect((await listApplications(as(w.adviser), { call: w.call.id, q: 'no such title' })).total).toBe(0);
    expect(await listApplications(as(w.adviser), { call: w.call.id, after: encodeCursor('\uffff', 'ffffffff-ffff-ffff-ffff-ffffffffffff') })).toMatchObject({ items: [], total: 1, next: null });

    await approveApplication(as(w.adviser), { applicationId: id, startsOn: '2027-01-01', endsOn: '2029-12-31', amount: 2_400_000 });
    const [approved] = await w.db.select().from(applications).where(eq(applications.id, id));
    expect(approved).toMatchObject({ status: 'approved', approvedAmountMinor: 240_000_000, approvedCurrency: 'NOK' });
    const [partnership] = await w.db.select().from(partnerships).where(eq(partnerships.id, approved!.partnershipId!));
    expect(partnership).toMatchObject({ shape: 'triangular', status: 'active', sdgGoals: ['3', '4'] });
    expect(await w.db.select().from(partnershipPartners).where(eq(partnershipPartners.partnershipId, partnership!.id))).toHaveLength(3);
    expect(await w.db.select().from(partnershipStages).where(eq(partnershipStages.partnershipId, partnership!.id))).toMatchObject([{ kind: 'agreement', roundNumber: null }]);
    // Every partner's coordinator hears of the decision, in their language.
    const decided = await w.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.eirik.email));
    expect(decided.map((m) => m.subject)).toContainEqual(expect.stringContaining(catalogs.nb['applicationStatus.approved']));
    expect(decided.at(-1)?.locale).toBe('nb');
    const audit = await w.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['application.started', 'application.submitted', 'application.in_review', 'application.approved']));
    const partnershipAudit = await w.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, partnership!.id));
    expect(partnershipAudit.map((a) => a.action)).toEqual(['partnership.created', 'partnership.stage-granted']);
  });
});

describe('who may do what with an application', () => {
  it('hides drafts from the agency and other organisations, and refuses edits by partners that do not coordinate', async () => {
    const w = await world();
    const as = (u: { actor: unknown }) => coreContext({ db: w.db, actor: u.actor as never, publicUrl });
    const id = await startApplication(as(w.meron), { callId: w.call.id, organisationId: w.addis.id, title: 'Draft in progress' });
    await expect(getApplication(as(w.adviser), { applicationId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplication(as(w.sita), { applicationId: id })).rejects.toBeInstanceOf(NotFoundError);
    await addApplicationPartner(as(w.meron), { applicationId: id, organisationId: w.kathmandu.id });
    // Now a partner: Sita reads it and may confirm, but not change it.
    expect((await getApplication(as(w.sita), { applicationId: id })).canConfirmFor).toEqual([w.kathmandu.id]);
    await expect(updateEmergencyPlan(as(w.sita), { applicationId: id, emergencyPlan: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(confirmApplicationPartner(as(w.sita), { applicationId: id, organisationId: w.addis.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startApplication(as(w.sita), { callId: w.call.id, organisationId: w.addis.id, title: 'Not mine' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('names the partner when a flow goes to itself, and offers the programme’s stay lengths', async () => {
    const w = await world();
    const as = (u: { actor: unknown }) => coreContext({ db: w.db, actor: u.actor as never, publicUrl });
    const id = await startApplication(as(w.meron), { callId: w.call.id, organisationId: w.addis.id, title: 'Flows' });
    await addApplicationPartner(as(w.meron), { applicationId: id, organisationId: w.bergen.id });
    await expect(addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.addis.id, w.addis.id) })).rejects.toMatchObject({ code: 'selfFlow', params: { partner: 'Addis Ababa College of Nursing' } });
    await expect(addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.addis.id, w.bergen.id, { months: '18' }) })).rejects.toMatchObject({ code: 'monthsNotAllowed', params: { allowed: '6, 12' } });
    await expect(addPlanFlow(as(w.meron), { applicationId: id, ...flow(w.addis.id, w.kathmandu.id) })).rejects.toMatchObject({ code: 'choosePartner', field: 'hostOrganisationId' });
    await removePlanFlow(as(w.meron), { applicationId: id, flowId: 'not-a-uuid' });
  });

  it('refuses a call that has closed, and an illegal transition with 409', async () => {
    const w = await world();
    const as = (u: { actor: unknown }) => coreContext({ db: w.db, actor: u.actor as never, publicUrl });
    const closed = await createCall(w.db, { opensOn: '2025-01-01', deadline: '2025-03-01' });
    await expect(startApplication(as(w.meron), { callId: closed.id, organisationId: w.addis.id, title: 'Too late' })).rejects.toMatchObject({ code: 'callNotOpen', field: 'callId' });
    const id = await startApplication(as(w.meron), { callId: w.call.id, organisationId: w.addis.id, title: 'Early' });
    const error = await startReview(as(w.adviser), { applicationId: id }).catch((e: unknown) => e);
    // A draft is invisible to the agency, so starting a review on it finds nothing.
    expect(error).toBeInstanceOf(NotFoundError);
    await w.db.update(applications).set({ status: 'rejected' }).where(eq(applications.id, id));
    const illegal = await startReview(as(w.adviser), { applicationId: id }).catch((e: unknown) => e);
    expect(illegal).toBeInstanceOf(DomainError);
    expect(illegal).toMatchObject({ code: 'illegalTransition', status: 409 });
  });
});
