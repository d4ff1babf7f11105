import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { FieldProblemsError, ForbiddenError, NotFoundError } from '../errors.ts';
import { addApplicationGoal } from './add-application-goal.ts';
import { applicationGoalInput } from './goal-input.ts';
import { addAttachment } from './add-attachment.ts';
import { getAttachment } from './get-attachment.ts';
import { isPdf } from '../files/is-pdf.ts';
import { samplePdf } from '../../tests/support/sample-pdf.ts';
import { advanceApplication } from './advance-application.ts';
import { approveApplication } from './approve-application.ts';
import { checkApproval } from './check-approval.ts';
import { rejectApplication } from './reject-application.ts';
import { returnApplication } from './return-application.ts';
import { confirmApplicationPartner } from './confirm-application-partner.ts';
import { getApplication } from './get-application.ts';
import { addPlanFlow } from './add-plan-flow.ts';
import { checkPlanFlow } from './check-plan-flow.ts';
import { planFlowInput } from './plan-flow-input.ts';
import { getApplicationReview } from './get-application-review.ts';
import { addMonths, flowStartWindow, periodStartWindow, stagePeriodProblem } from './stage-period.ts';
import { commentOnApplication } from './comment-on-application.ts';
import { scoreApplication } from './score-application.ts';
import { submitApplication } from './submit-application.ts';
import { updateEmergencyPlan } from './update-emergency-plan.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';

async function inReview(overrides: Parameters<typeof createApplication>[1] = {}) {
  const db = testDb.db;
  const norway = await createOrganisation(db, { countryCode: 'NO', legalName: 'Sunnfjord Folkehøgskule' });
  const malawi = await createOrganisation(db, { countryCode: 'MW', legalName: 'Mzuzu Teachers Training College' });
  const application = await createApplication(db, { partners: [norway, malawi], status: 'in_review', submittedAt: new Date(), ...overrides });
  const coordinator = await createUser(db, { memberships: [{ organisationId: norway.id, role: 'partner_coordinator' }] });
  const partner = await createUser(db, { locale: 'nb', memberships: [{ organisationId: malawi.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  const as = (u: { actor: unknown }) => coreContext({ db, actor: u.actor as never, publicUrl });
  return { db, application, coordinator, partner, adviser, as };
}

/** The call an application applies to. */
async function callOf(applicationId: string) {
  const [row] = await testDb.db.select({ call: calls }).from(applications).innerJoin(calls, eq(calls.id, applications.callId)).where(eq(applications.id, applicationId));
  return row!.call;
}

/** `months` months from the day the application's call opened: a period the call can fund, whatever today is. */
async function periodOf(applicationId: string, months: number) {
  const { opensOn: startsOn } = await callOf(applicationId);
  const end = new Date(`${addMonths(startsOn, months)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return { startsOn, endsOn: end.toISOString().slice(0, 10) };
}

/** An adviser scores the application on every criterion of its call (approval needs it). */
async function scoreAll(w: Awaited<ReturnType<typeof inReview>>, applicationId: string, adviser = w.adviser) {
  const { id } = await callOf(applicationId);
  const criteria = await testDb.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, id));
  await scoreApplication(w.as(adviser), { applicationId, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
}

describe('decisions on an application', () => {
  it('returns it with remarks per section; the partners edit and resubmit, which clears the remarks', async () => {
    const w = await inReview();
    await returnApplication(w.as(w.adviser), { applicationId: w.application.id, remarks: { plan: 'Add a second round for Mzuzu.', basics: '' } });
    const returned = await getApplication(w.as(w.coordinator), { applicationId: w.application.id });
    expect(returned.application.status).toBe('returned');
    expect(returned.canEdit).toBe(true);
    expect(returned.remarks).toMatchObject([{ section: 'plan', remark: 'Add a second round for Mzuzu.' }]);
    await updateEmergencyPlan(w.as(w.coordinator), { applicationId: w.application.id, emergencyPlan: 'Updated plan with the embassy’s number.' });
    await w.db.update(applications).set({ summary: 'Teachers learn from each other.' }).where(eq(applications.id, w.application.id));
    // The factory's application has no goals yet: refused, naming what is missing.
    const refused = await submitApplication(w.as(w.coordinator), { applicationId: w.application.id }).catch((e: { problems: { code: string }[] }) => e);
    expect((refused as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['sharedGoalMissing', 'partnerGoalMissing', 'partnerGoalMissing']);
    for (const owner of ['shared', ...w.application.partners.map((p) => p.id)]) {
      await addApplicationGoal(w.as(w.coordinator), { applicationId: w.application.id, ...applicationGoalInput.parse({ owner, description: 'Better teaching', indicators: [{ description: 'Teachers trained', baseline: '0', target: '12' }] }) });
    }
    // New goals for Mzuzu (and shared ones) ask Mzuzu to confirm again.
    await confirmApplicationPartner(w.as(w.partner), { applicationId: w.application.id, organisationId: w.application.partners[1]!.id });
    await submitApplication(w.as(w.coordinator), { applicationId: w.application.id });
    expect((await getApplication(w.as(w.coordinator), { applicationId: w.application.id })).remarks).toEqual([]);
  });

  it('rejects with a reason that reaches every partner, in their language', async () => {
    const w = await inReview();
    await rejectApplication(w.as(w.adviser), { applicationId: w.application.id, reason: 'The plan does not match the call’s priorities.' });
    const [mail] = await w.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.partner.email));
    expect(mail?.locale).toBe('nb');
    expect(mail?.textBody).toContain('The plan does not match the call’s priorities.');
  });

  it('approves an agreement only for two to five years and within the call’s ceiling', async () => {
    const w = await inReview();
    await scoreAll(w, w.application.id);
    await expect(approveApplication(w.as(w.adviser), { applicationId: w.application.id, ...(await periodOf(w.application.id, 12)), amount: 100_000 })).rejects.toMatchObject({ code: 'agreementPeriod', field: 'endsOn' });
    await expect(approveApplication(w.as(w.adviser), { applicationId: w.application.id, ...(await periodOf(w.application.id, 24)), amount: 40_000_000 })).rejects.toMatchObject({ code: 'amountAboveCeiling' });
    await approveApplication(w.as(w.adviser), { applicationId: w.application.id, ...(await periodOf(w.application.id, 24)), amount: 1_000_000 });
    const [row] = await w.db.select().from(applications).where(eq(applications.id, w.application.id));
    await advanceApplication(w.as(w.adviser), { applicationId: w.application.id, to: 'active' });
    await advanceApplication(w.as(w.adviser), { applicationId: w.application.id, to: 'closing' });
    const [partnership] = await w.db.select().from(partnerships).where(eq(partnerships.id, row!.partnershipId!));
    expect(partnership?.status).toBe('closing');
    await expect(advanceApplication(w.as(w.coordinator), { applicationId: w.application.id, to: 'closed' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('adds a numbered round to a partnership with an agreement, and refuses a round without one', async () => {
    const w = await inReview();
    await scoreAll(w, w.application.id);
    await approveApplication(w.as(w.adviser), { applicationId: w.application.id, ...(await periodOf(w.application.id, 36)), amount: 1_000_000 });
    const [agreement] = await w.db.select().from(applications).where(eq(applications.id, w.application.id));
    // A round of the agreement's own programme (another programme's round could not continue it).
    const [agreementCall] = await w.db.select().from(calls).where(eq(calls.id, agreement!.callId));
    const roundCall = await createCall(w.db, { stage: 'round', programmeId: agreementCall!.programmeId });
    const partners = w.application.partners;
    const round = await createApplication(w.db, { partners, callId: roundCall.id, partnershipId: agreement!.partnershipId, status: 'in_review' });
    await scoreAll(w, round.id);
    await approveApplication(w.as(w.adviser), { applicationId: round.id, ...(await periodOf(round.id, 12)), amount: 500_000 });
    const stages = await w.db.select().from(partnershipStages).where(eq(partnershipStages.partnershipId, agreement!.partnershipId!));
    expect(stages.map((s) => [s.kind, s.roundNumber]).sort()).toEqual([['agreement', null], ['round', 1]]);

    const lonely = await createApplication(w.db, { callId: roundCall.id, status: 'in_review' });
    await scoreAll(w, lonely.id);
    await expect(approveApplication(w.as(w.adviser), { applicationId: lonely.id, ...(await periodOf(lonely.id, 12)), amount: 500_000 })).rejects.toMatchObject({ code: 'roundNeedsPartnership', status: 409 });
  });

  it('keeps scores and comments from partners, and accepts only real PDFs', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    await expect(getApplicationReview(w.as(w.coordinator), { applicationId: w.application.id })).rejects.toBeInstanceOf(ForbiddenError);
    // The agency never sees a draft, nor what is not there.
    await expect(getApplicationReview(w.as(w.adviser), { applicationId: w.application.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplicationReview(w.as(w.adviser), { applicationId: '00000000-0000-0000-0000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplicationReview(w.as(w.adviser), { applicationId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addAttachment(w.as(w.coordinator), { applicationId: w.application.id, file: { name: 'letter.pdf', content: new TextEncoder().encode('<html>not a pdf') } })).rejects.toMatchObject({ code: 'notPdf', field: 'file' });
    // The signature alone does not make a PDF: HTML behind "%PDF-" is refused (issue 8, regression).
    await expect(addAttachment(w.as(w.coordinator), { applicationId: w.application.id, file: { name: 'page.pdf', content: new TextEncoder().encode('%PDF-<html><script>alert(1)</script></html>') } })).rejects.toMatchObject({ code: 'notPdf', field: 'file' });
    await expect(addAttachment(w.as(w.coordinator), { applicationId: w.application.id, file: { name: 'big.pdf', content: new Uint8Array(6 * 1024 * 1024).fill(37) } })).rejects.toMatchObject({ code: 'fileTooLarge' });
    await addAttachment(w.as(w.coordinator), { applicationId: w.application.id, file: { name: '../../etc/letter.pdf', content: await samplePdf() } });
    const [listed] = (await getApplication(w.as(w.partner), { applicationId: w.application.id })).attachments;
    expect(listed?.fileName).toBe('.._.._etc_letter.pdf');
    expect(await isPdf((await getAttachment(w.as(w.partner), { applicationId: w.application.id, attachmentId: listed!.id })).content)).toBe(true);
    await w.db.update(applications).set({ status: 'submitted' }).where(eq(applications.id, w.application.id));
    await commentOnApplication(w.as(w.adviser), { applicationId: w.application.id, body: 'Strong partners; check the budget.' });
    expect((await getApplicationReview(w.as(w.adviser), { applicationId: w.application.id })).comments).toMatchObject([{ body: 'Strong partners; check the budget.' }]);
    expect(JSON.stringify(await getApplication(w.as(w.partner), { applicationId: w.application.id }))).not.toContain('check the budget');
  });
});

describe('plausible decisions and plans (issue 8)', () => {
  it('refuses to approve a 2027 call’s application for 1990–1993 without scores, naming scores, period and amount at once', async () => {
    const call = await createCall(testDb.db, { opensOn: '2027-01-15', deadline: '2027-03-15' });
    const w = await inReview({ callId: call.id });
    const refused = await approveApplication(w.as(w.adviser), { applicationId: w.application.id, startsOn: '1990-01-01', endsOn: '1993-01-01', amount: 40_000_000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems).toEqual([
      { field: 'scores', code: 'scoresMissing', params: { criteria: call.criteria.map((c) => c.name).join(', '), count: 3 } },
      { field: 'startsOn', code: 'periodStartOutsideCall', params: { first: '2027-01-01', last: '2029-03-15', years: 2 } },
      { field: 'amount', code: 'amountAboveCeiling', params: { ceiling: 30_000_000, currency: 'NOK' } },
    ]);
    const [row] = await w.db.select().from(applications).where(eq(applications.id, w.application.id));
    expect(row).toMatchObject({ status: 'in_review', partnershipId: null, approvedStartsOn: null });
    // The review form asks about what it could read of a half-typed decision.
    expect((await checkApproval(w.as(w.adviser), { applicationId: w.application.id, startsOn: '2029-03-16' })).map((p) => [p.field, p.code])).toEqual([
      ['scores', 'scoresMissing'],
      ['startsOn', 'periodStartOutsideCall'],
    ]);

    // Scores from another adviser count: the one who decides need not be the one who scored.
    const colleague = await createUser(w.db, { agencyRoles: ['programme_adviser'] });
    await scoreAll(w, w.application.id, colleague);
    expect(await checkApproval(w.as(w.adviser), { applicationId: w.application.id, startsOn: '2027-06-01', endsOn: '2029-05-31', amount: 2_000_000 })).toEqual([]);
    await approveApplication(w.as(w.adviser), { applicationId: w.application.id, startsOn: '2027-06-01', endsOn: '2029-05-31', amount: 2_000_000 });
    expect((await callOf(w.application.id)).id).toBe(call.id);
  });

  it('refuses a stay starting in 2099 with the line’s other problems, and the submission names a saved line out of range', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    const [norway, malawi] = w.application.partners;
    const line = (overrides: Record<string, string>) =>
      planFlowInput.parse({ round: '1', sendingOrganisationId: norway!.id, hostOrganisationId: malawi!.id, participants: '1', months: '12', startMonth: '2099-01', competence: 'Teaching', purpose: 'Learn', ...overrides });
    const { first, last } = flowStartWindow(await callOf(w.application.id));
    const refused = await addPlanFlow(w.as(w.coordinator), { applicationId: w.application.id, ...line({ hostOrganisationId: norway!.id, months: '9' }) }).catch((e: unknown) => e);
    expect((refused as FieldProblemsError).problems).toEqual([
      { field: 'hostOrganisationId', code: 'selfFlow', params: { partner: 'Sunnfjord Folkehøgskule' } },
      { field: 'months', code: 'monthsNotAllowed', params: { months: 9, allowed: '6, 12, 18', programme: 'Professional' } },
      { field: 'startMonth', code: 'startMonthOutsideCall', params: { first, last } },
    ]);
    await expect(addPlanFlow(w.as(w.coordinator), { applicationId: w.application.id, ...line({}) })).rejects.toMatchObject({ code: 'startMonthOutsideCall', field: 'startMonth' });
    expect(await checkPlanFlow(w.as(w.coordinator), { applicationId: w.application.id, startMonth: last })).toEqual([]);
    await addPlanFlow(w.as(w.coordinator), { applicationId: w.application.id, ...line({ startMonth: first }) });

    // A line saved before the rule (or before the call's dates changed) is named at submission.
    await w.db.update(calls).set({ opensOn: '2030-01-01', deadline: '2030-03-01' }).where(eq(calls.id, w.application.callId));
    const submitted = await submitApplication(w.as(w.coordinator), { applicationId: w.application.id }).catch((e: { problems: unknown[] }) => e);
    expect((submitted as { problems: unknown[] }).problems).toContainEqual({
      section: 'plan',
      code: 'flowStartOutsideCall',
      params: { sending: 'Sunnfjord Folkehøgskule', host: 'Mzuzu Teachers Training College', month: first, first: '2030-01', last: '2037-02' },
    });
  });
});

describe('the windows a call sets', () => {
  it('starts an approved period between January of the opening year and two years after the deadline, and a stay within the longest such period', () => {
    const call = { opensOn: '2027-01-15', deadline: '2027-03-15' };
    expect(periodStartWindow(call)).toEqual({ first: '2027-01-01', last: '2029-03-15' });
    expect(periodStartWindow({ opensOn: '2026-10-01', deadline: '2027-03-15' }).first).toBe('2026-01-01');
    expect(flowStartWindow({ ...call, stage: 'agreement' })).toEqual({ first: '2027-01', last: '2034-03' });
    expect(flowStartWindow({ ...call, stage: 'round' })).toEqual({ first: '2027-01', last: '2030-03' });
    expect(flowStartWindow({ ...call, stage: 'feasibility' })).toEqual({ first: '2027-01', last: '2030-03' });
  });
});

describe('two people editing one draft', () => {
  it('refuses a section saved from a version someone else has changed since, and changes nothing', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    const loaded = (await getApplication(w.as(w.coordinator), { applicationId: w.application.id })).application.updatedAt.toISOString();
    await updateEmergencyPlan(w.as(w.coordinator), { applicationId: w.application.id, emergencyPlan: 'First version, saved by a colleague.', version: loaded });
    await expect(updateEmergencyPlan(w.as(w.coordinator), { applicationId: w.application.id, emergencyPlan: 'Second, from the stale form.', version: loaded })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    await expect(updateEmergencyPlan(w.as(w.coordinator), { applicationId: w.application.id, emergencyPlan: 'x', version: 'not a date' })).rejects.toMatchObject({ code: 'staleEdit' });
    expect((await getApplication(w.as(w.coordinator), { applicationId: w.application.id })).application.emergencyPlan).toBe('First version, saved by a colleague.');
  });
});

describe('confirmations', () => {
  it('are asked for again when the plan or the partners change, but not for a text edit', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    const confirmed = async () => (await getApplication(w.as(w.coordinator), { applicationId: w.application.id })).partners.map((p) => p.confirmedAt !== null);
    expect(await confirmed()).toEqual([true, true]);
    await updateEmergencyPlan(w.as(w.coordinator), { applicationId: w.application.id, emergencyPlan: 'Reworded.' });
    expect(await confirmed()).toEqual([true, true]);
    const [norway, malawi] = w.application.partners;
    await addPlanFlow(w.as(w.coordinator), { applicationId: w.application.id, ...planFlowInput.parse({ round: '2', sendingOrganisationId: malawi!.id, hostOrganisationId: norway!.id, participants: '1', months: '12', startMonth: '2028-08', competence: 'Teaching', purpose: 'A second round' }) });
    // The coordinating partner confirmed by making the change; the other must confirm again.
    expect(await confirmed()).toEqual([true, false]);
  });
});

describe('the length of a stage', () => {
  it('counts periods to the end of their last day', () => {
    expect(stagePeriodProblem('agreement', '2027-01-01', '2028-12-31')).toBeNull();
    expect(stagePeriodProblem('agreement', '2027-01-01', '2031-12-31')).toBeNull();
    expect(stagePeriodProblem('agreement', '2027-01-01', '2028-12-30')).toMatchObject({ code: 'agreementPeriod' });
    expect(stagePeriodProblem('agreement', '2027-01-01', '2032-01-01')).toMatchObject({ code: 'agreementPeriod' });
    expect(stagePeriodProblem('round', '2027-08-01', '2028-07-31')).toBeNull();
    expect(stagePeriodProblem('feasibility', '2027-08-01', '2028-08-01')).toMatchObject({ code: 'stagePeriodTooLong' });
  });
});
