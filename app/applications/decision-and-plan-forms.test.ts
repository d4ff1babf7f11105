import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { flowStartWindow } from '../../core/applications/stage-period.ts';
import { calls } from '../../db/schema/calls.ts';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { runReviewAction } from './review-actions.server.ts';
import { runStepAction, type StepResult } from './step-actions.server.ts';
import { coreContext } from '../../core/context.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';
const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};

describe('the review and plan forms show every problem at once', () => {
  it('refuses a 1990 approval with no scores and an unreadable amount, naming the scores, the start and the amount together', async () => {
    const call = await createCall(testDb.db, { opensOn: '2027-01-15', deadline: '2027-03-15' });
    const application = await createApplication(testDb.db, { callId: call.id, status: 'in_review', submittedAt: new Date() });
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    const t = createTranslator('fr');
    const outcome = await runReviewAction({
      ctx: coreContext({ db: testDb.db, actor: adviser.actor, publicUrl }),
      t,
      id: application.id,
      form: formOf({ intent: 'approve', startsOn: '1990-01-01', endsOn: '1993-01-01', amount: 'beaucoup' }),
    });
    expect(outcome).toMatchObject({ status: 400 });
    expect('errors' in outcome && outcome.errors).toEqual([
      { field: 'scores', message: t.t('error.scoresMissing', { criteria: call.criteria.map((c) => c.name).join(', '), count: 3 }) },
      { field: 'startsOn', message: t.t('error.periodStartOutsideCall', { first: '2027-01-01', last: '2029-03-15', years: 2 }) },
      { field: 'amount', message: t.t('error.chooseAmount') },
    ]);
  });

  it('refuses a plan line starting in 2099 together with its missing competence, each at its field', async () => {
    const norway = await createOrganisation(testDb.db, { countryCode: 'NO' });
    const malawi = await createOrganisation(testDb.db, { countryCode: 'MW' });
    const application = await createApplication(testDb.db, { partners: [norway, malawi], status: 'draft' });
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: norway.id, role: 'partner_coordinator' }] });
    const t = createTranslator('nn');
    const response = await runStepAction({
      ctx: coreContext({ db: testDb.db, actor: coordinator.actor, publicUrl }),
      t,
      id: application.id,
      step: 'plan',
      form: formOf({ intent: 'add', round: '1', sendingOrganisationId: norway.id, hostOrganisationId: norway.id, participants: '1', months: '12', startMonth: '2099-01', competence: '', purpose: 'Learn from each other' }),
    });
    const { errors } = (response as unknown as { data: StepResult }).data;
    expect(errors.map((e) => e.field)).toEqual(['hostOrganisationId', 'startMonth', 'competence']);
    const [call] = await testDb.db.select().from(calls).where(eq(calls.id, application.callId));
    expect(errors.find((e) => e.field === 'startMonth')?.message).toBe(t.t('error.startMonthOutsideCall', flowStartWindow(call!)));
    expect(errors.find((e) => e.field === 'hostOrganisationId')?.message).toBe(t.t('error.selfFlow', { partner: norway.legalName }));
  });
});
