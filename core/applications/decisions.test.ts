import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError } from '../errors.ts';
import { addApplicationGoal, applicationGoalInput } from './application-goals.ts';
import { addAttachment, getAttachment, isPdf } from './application-attachments.ts';
import { advanceApplication, approveApplication, rejectApplication, returnApplication } from './decide-application.ts';
import { getApplication } from './get-application.ts';
import { addPlanFlow, planFlowInput } from './plan-flows.ts';
import { getApplicationReview } from './get-application-review.ts';
import { stagePeriodProblem } from './grant-stage.ts';
import { commentOnApplication } from './review-application.ts';
import { submitApplication } from './submit-application.ts';
import { updateEmergencyPlan } from './update-emergency-plan.ts';

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
  const as = (u: { actor: unknown }) => ({ db, actor: u.actor as never });
  return { db, application, coordinator, partner, adviser, as };
}

describe('decisions on an application', () => {
  it('returns it with remarks per section; the partners edit and resubmit, which clears the remarks', async () => {
    const w = await inReview();
    await returnApplication(w.as(w.adviser), w.application.id, { plan: 'Add a second round for Mzuzu.', basics: '' }, { publicUrl });
    const returned = await getApplication(w.as(w.coordinator), w.application.id);
    expect(returned.application.status).toBe('returned');
    expect(returned.canEdit).toBe(true);
    expect(returned.remarks).toMatchObject([{ section: 'plan', remark: 'Add a second round for Mzuzu.' }]);
    await updateEmergencyPlan(w.as(w.coordinator), w.application.id, { emergencyPlan: 'Updated plan with the embassy’s number.' });
    await w.db.update(applications).set({ summary: 'Teachers learn from each other.' }).where(eq(applications.id, w.application.id));
    // The factory's application has no goals yet: refused, naming what is missing.
    const refused = await submitApplication(w.as(w.coordinator), w.application.id, { publicUrl }).catch((e: { problems: { code: string }[] }) => e);
    expect((refused as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['sharedGoalMissing', 'partnerGoalMissing', 'partnerGoalMissing']);
    for (const owner of ['shared', ...w.application.partners.map((p) => p.id)]) {
      await addApplicationGoal(w.as(w.coordinator), w.application.id, applicationGoalInput.parse({ owner, description: 'Better teaching', indicators: [{ description: 'Teachers trained', baseline: '0', target: '12' }] }));
    }
    await submitApplication(w.as(w.coordinator), w.application.id, { publicUrl });
    expect((await getApplication(w.as(w.coordinator), w.application.id)).remarks).toEqual([]);
  });

  it('rejects with a reason that reaches every partner, in their language', async () => {
    const w = await inReview();
    await rejectApplication(w.as(w.adviser), w.application.id, 'The plan does not match the call’s priorities.', { publicUrl });
    const [mail] = await w.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.partner.email));
    expect(mail?.locale).toBe('nb');
    expect(mail?.textBody).toContain('The plan does not match the call’s priorities.');
  });

  it('approves an agreement only for two to five years and within the call’s ceiling', async () => {
    const w = await inReview();
    await expect(approveApplication(w.as(w.adviser), w.application.id, { startsOn: '2027-01-01', endsOn: '2027-12-31', amount: 100_000 }, { publicUrl })).rejects.toMatchObject({ code: 'agreementPeriod', field: 'endsOn' });
    await expect(approveApplication(w.as(w.adviser), w.application.id, { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: 40_000_000 }, { publicUrl })).rejects.toMatchObject({ code: 'amountAboveCeiling' });
    await approveApplication(w.as(w.adviser), w.application.id, { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: 1_000_000 }, { publicUrl });
    const [row] = await w.db.select().from(applications).where(eq(applications.id, w.application.id));
    await advanceApplication(w.as(w.adviser), w.application.id, 'active', { publicUrl });
    await advanceApplication(w.as(w.adviser), w.application.id, 'closing', { publicUrl });
    const [partnership] = await w.db.select().from(partnerships).where(eq(partnerships.id, row!.partnershipId!));
    expect(partnership?.status).toBe('closing');
    await expect(advanceApplication(w.as(w.coordinator), w.application.id, 'closed', { publicUrl })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('adds a numbered round to a partnership with an agreement, and refuses a round without one', async () => {
    const w = await inReview();
    await approveApplication(w.as(w.adviser), w.application.id, { startsOn: '2027-01-01', endsOn: '2029-12-31', amount: 1_000_000 }, { publicUrl });
    const [agreement] = await w.db.select().from(applications).where(eq(applications.id, w.application.id));
    const roundCall = await createCall(w.db, { stage: 'round' });
    const partners = w.application.partners;
    const round = await createApplication(w.db, { partners, callId: roundCall.id, partnershipId: agreement!.partnershipId, status: 'in_review' });
    await approveApplication(w.as(w.adviser), round.id, { startsOn: '2027-08-01', endsOn: '2028-07-31', amount: 500_000 }, { publicUrl });
    const stages = await w.db.select().from(partnershipStages).where(eq(partnershipStages.partnershipId, agreement!.partnershipId!));
    expect(stages.map((s) => [s.kind, s.roundNumber]).sort()).toEqual([['agreement', null], ['round', 1]]);

    const lonely = await createApplication(w.db, { callId: roundCall.id, status: 'in_review' });
    await expect(approveApplication(w.as(w.adviser), lonely.id, { startsOn: '2027-08-01', endsOn: '2028-07-31', amount: 500_000 }, { publicUrl })).rejects.toMatchObject({ code: 'roundNeedsAgreement', status: 409 });
  });

  it('keeps scores and comments from partners, and accepts only real PDFs', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    await expect(getApplicationReview(w.as(w.coordinator), w.application.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addAttachment(w.as(w.coordinator), w.application.id, { name: 'letter.pdf', content: new TextEncoder().encode('<html>not a pdf') })).rejects.toMatchObject({ code: 'notPdf', field: 'file' });
    await expect(addAttachment(w.as(w.coordinator), w.application.id, { name: 'big.pdf', content: new Uint8Array(6 * 1024 * 1024).fill(37) })).rejects.toMatchObject({ code: 'fileTooLarge' });
    await addAttachment(w.as(w.coordinator), w.application.id, { name: '../../etc/letter.pdf', content: new TextEncoder().encode('%PDF-1.7\n%%EOF') });
    const [listed] = (await getApplication(w.as(w.partner), w.application.id)).attachments;
    expect(listed?.fileName).toBe('.._.._etc_letter.pdf');
    expect(isPdf((await getAttachment(w.as(w.partner), w.application.id, listed!.id)).content)).toBe(true);
    await w.db.update(applications).set({ status: 'submitted' }).where(eq(applications.id, w.application.id));
    await commentOnApplication(w.as(w.adviser), w.application.id, 'Strong partners; check the budget.');
    expect((await getApplicationReview(w.as(w.adviser), w.application.id)).comments).toMatchObject([{ body: 'Strong partners; check the budget.' }]);
    expect(JSON.stringify(await getApplication(w.as(w.partner), w.application.id))).not.toContain('check the budget');
  });
});

describe('two people editing one draft', () => {
  it('refuses a section saved from a version someone else has changed since, and changes nothing', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    const loaded = (await getApplication(w.as(w.coordinator), w.application.id)).application.updatedAt.toISOString();
    await updateEmergencyPlan(w.as(w.coordinator), w.application.id, { emergencyPlan: 'First version, saved by a colleague.' }, loaded);
    await expect(updateEmergencyPlan(w.as(w.coordinator), w.application.id, { emergencyPlan: 'Second, from the stale form.' }, loaded)).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    await expect(updateEmergencyPlan(w.as(w.coordinator), w.application.id, { emergencyPlan: 'x' }, 'not a date')).rejects.toMatchObject({ code: 'staleEdit' });
    expect((await getApplication(w.as(w.coordinator), w.application.id)).application.emergencyPlan).toBe('First version, saved by a colleague.');
  });
});

describe('confirmations', () => {
  it('are asked for again when the plan or the partners change, but not for a text edit', async () => {
    const w = await inReview({ status: 'draft', submittedAt: null });
    const confirmed = async () => (await getApplication(w.as(w.coordinator), w.application.id)).partners.map((p) => p.confirmedAt !== null);
    expect(await confirmed()).toEqual([true, true]);
    await updateEmergencyPlan(w.as(w.coordinator), w.application.id, { emergencyPlan: 'Reworded.' });
    expect(await confirmed()).toEqual([true, true]);
    const [norway, malawi] = w.application.partners;
    await addPlanFlow(w.as(w.coordinator), w.application.id, planFlowInput.parse({ round: '2', sendingOrganisationId: malawi!.id, hostOrganisationId: norway!.id, participants: '1', months: '12', startMonth: '2028-08', competence: 'Teaching', purpose: 'A second round' }));
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
