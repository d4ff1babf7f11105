import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applicationGoals, applications, goalIndicators } from '../../db/schema/applications.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError } from '../errors.ts';
import { addApplicationPartner } from './add-application-partner.ts';
import { confirmApplicationPartner } from './confirm-application-partner.ts';
import { addApplicationGoal } from './add-application-goal.ts';
import { applicationGoalInput, goalChangeInput } from './goal-input.ts';
import { removeApplicationGoal } from './remove-application-goal.ts';
import { updateApplicationGoal } from './update-application-goal.ts';
import { getApplication } from './get-application.ts';
import { addPlanFlow } from './add-plan-flow.ts';
import { planFlowInput } from './plan-flow-input.ts';
import { removeApplicationPartner } from './remove-application-partner.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';

/** Kathmandu coordinates a draft with Bergen (reads Norwegian) and Addis Ababa (reads French), both confirmed, each with a goal. */
async function world() {
  const db = testDb.db;
  const kathmandu = await createOrganisation(db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
  const addis = await createOrganisation(db, { legalName: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa' });
  const application = await createApplication(db, { partners: [kathmandu, bergen, addis], status: 'draft', title: 'Nurses between three hospitals' });
  const sita = await createUser(db, { name: 'Sita Shrestha', memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const eirik = await createUser(db, { name: 'Eirik Vik', locale: 'nb', memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const meron = await createUser(db, { name: 'Meron Tadesse', locale: 'fr', memberships: [{ organisationId: addis.id, role: 'partner_coordinator' }] });
  const bergenFinance = await createUser(db, { memberships: [{ organisationId: bergen.id, role: 'partner_finance' }] });
  const goalOf = async (organisationId: string | null) => {
    const [goal] = await db.insert(applicationGoals).values({ applicationId: application.id, organisationId, description: `Goal of ${organisationId ?? 'all'}`, position: 0 }).returning();
    await db.insert(goalIndicators).values({ goalId: goal!.id, description: 'Nurses trained', baseline: '0', target: '10', position: 0 });
    return goal!;
  };
  const goals = { shared: await goalOf(null), bergen: await goalOf(bergen.id), addis: await goalOf(addis.id) };
  const as = (u: { actor: unknown }) => coreContext({ db, actor: u.actor as never, publicUrl });
  const id = application.id;
  const confirmed = async () => Object.fromEntries((await getApplication(as(sita), { applicationId: id })).partners.map((p) => [p.legalName.split(' ')[0], p.confirmedAt !== null]));
  const mailTo = (email: string) => db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'applicationConfirmationWithdrawn')));
  const rewrite = (description: string) => goalChangeInput.parse({ description, indicators: [{ description: 'Nurses trained', baseline: '0', target: '12' }] });
  const newGoal = (owner: string) => applicationGoalInput.parse({ owner, description: 'Safer births in both places', indicators: [{ description: 'Midwives trained', baseline: '0', target: '8' }] });
  return { db, id, kathmandu, bergen, addis, sita, eirik, meron, bergenFinance, goals, as, confirmed, mailTo, rewrite, newGoal };
}

describe('partners own their goals', () => {
  it('lets a partner’s coordinator add, change and remove that partner’s goals, and nothing else', async () => {
    const w = await world();
    const seen = await getApplication(w.as(w.eirik), { applicationId: w.id });
    expect(seen.canEdit).toBe(false);
    expect(seen.canEditGoalsOf).toEqual([w.bergen.id]);
    await updateApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.bergen.id, ...w.rewrite('Bergen’s nurses teach where resources are few') });
    await addApplicationGoal(w.as(w.eirik), { applicationId: w.id, ...w.newGoal(w.bergen.id) });
    const after = await getApplication(w.as(w.eirik), { applicationId: w.id });
    expect(after.goals.filter((g) => g.organisationId === w.bergen.id).map((g) => [g.description, g.indicators.map((i) => i.target)])).toEqual([
      ['Bergen’s nurses teach where resources are few', ['12']],
      ['Safer births in both places', ['8']],
    ]);
    await removeApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.bergen.id });

    await expect(updateApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.addis.id, ...w.rewrite('Not ours to change') })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.shared.id, ...w.rewrite('Not ours to change') })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addApplicationGoal(w.as(w.eirik), { applicationId: w.id, ...w.newGoal('shared') })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addApplicationGoal(w.as(w.eirik), { applicationId: w.id, ...w.newGoal(w.addis.id) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.addis.id })).rejects.toBeInstanceOf(ForbiddenError);
    // Partner finance staff read the application but write no goals; nor does a partner write the rest of it.
    await expect(updateApplicationGoal(w.as(w.bergenFinance), { applicationId: w.id, goalId: w.goals.bergen.id, ...w.rewrite('Finance may not') })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addPlanFlow(w.as(w.eirik), { applicationId: w.id, ...planFlowInput.parse({ round: '1', sendingOrganisationId: w.bergen.id, hostOrganisationId: w.addis.id, participants: '1', months: '12', startMonth: '2027-08', competence: 'Midwifery', purpose: 'Safer births' }) })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets the coordinating partner write the shared goals and any partner’s', async () => {
    const w = await world();
    expect((await getApplication(w.as(w.sita), { applicationId: w.id })).canEditGoalsOf).toEqual(['shared', w.kathmandu.id, w.bergen.id, w.addis.id]);
    await updateApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.shared.id, ...w.rewrite('Safer care for newborns') });
    await updateApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.addis.id, ...w.rewrite('A simulation lab in Addis Ababa') });
    await removeApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.bergen.id });
    // A goal that is no longer there, or of another application: not found, nothing changed.
    await expect(updateApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.bergen.id, ...w.rewrite('Gone by now') })).rejects.toMatchObject({ code: 'notFound' });
    await removeApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.bergen.id });
  });

  it('closes the goals, like the rest, once the application is submitted', async () => {
    const w = await world();
    await w.db.update(applications).set({ status: 'submitted' }).where(eq(applications.id, w.id));
    expect((await getApplication(w.as(w.eirik), { applicationId: w.id })).canEditGoalsOf).toEqual([]);
    await expect(updateApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.bergen.id, ...w.rewrite('Too late now') })).rejects.toMatchObject({ code: 'applicationLocked', status: 409 });
  });
});

describe('a change to what a partner confirmed', () => {
  it('withdraws that partner’s confirmation when its goal is rewritten, and emails its coordinators in their language', async () => {
    const w = await world();
    expect(await w.confirmed()).toEqual({ Kathmandu: true, Bergen: true, Addis: true });
    await updateApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.bergen.id, ...w.rewrite('Bergen’s nurses teach where resources are few') });
    expect(await w.confirmed()).toEqual({ Kathmandu: true, Bergen: false, Addis: true });
    const [mail] = await w.mailTo(w.eirik.email);
    expect(mail?.locale).toBe('nb');
    expect(mail?.subject).toBe(catalogs.nb['email.applicationConfirmationWithdrawn.subject'].replace('{title}', 'Nurses between three hospitals'));
    expect(mail?.textBody).toContain(catalogs.nb['email.applicationConfirmationWithdrawn.partnerGoals'].replace('{partner}', 'Bergen Kystsjukehus'));
    expect(mail?.textBody).toContain(`${publicUrl}/nb/applications/${w.id}`);
    expect(await w.mailTo(w.meron.email)).toEqual([]);
    const [entry] = await w.db.select().from(auditLog).where(and(eq(auditLog.recordId, w.id), eq(auditLog.action, 'application.goal-changed')));
    expect(entry?.after).toMatchObject({ confirmationsReset: [w.bergen.id] });
    expect(entry?.before).toMatchObject({ description: `Goal of ${w.bergen.id}` });

    // Withdrawn already: a second change asks no one again.
    await removeApplicationGoal(w.as(w.sita), { applicationId: w.id, goalId: w.goals.bergen.id });
    expect(await w.mailTo(w.eirik.email)).toHaveLength(1);
  });

  it('keeps the confirmation of the partner that changes its own goals', async () => {
    const w = await world();
    await updateApplicationGoal(w.as(w.eirik), { applicationId: w.id, goalId: w.goals.bergen.id, ...w.rewrite('Bergen’s own words') });
    await addApplicationGoal(w.as(w.eirik), { applicationId: w.id, ...w.newGoal(w.bergen.id) });
    expect(await w.confirmed()).toEqual({ Kathmandu: true, Bergen: true, Addis: true });
    expect(await w.mailTo(w.eirik.email)).toEqual([]);
  });

  it('asks every other partner again when the shared goals change, each in their language', async () => {
    const w = await world();
    await addApplicationGoal(w.as(w.sita), { applicationId: w.id, ...w.newGoal('shared') });
    expect(await w.confirmed()).toEqual({ Kathmandu: true, Bergen: false, Addis: false });
    expect((await w.mailTo(w.eirik.email)).map((m) => m.locale)).toEqual(['nb']);
    const [french] = await w.mailTo(w.meron.email);
    expect(french?.locale).toBe('fr');
    expect(french?.textBody).toContain(catalogs.fr['email.applicationConfirmationWithdrawn.sharedGoals']);
  });

  it('asks again, by email, when the plan or the partners change', async () => {
    const w = await world();
    await addPlanFlow(w.as(w.sita), { applicationId: w.id, ...planFlowInput.parse({ round: '1', sendingOrganisationId: w.addis.id, hostOrganisationId: w.bergen.id, participants: '1', months: '12', startMonth: (await getApplication(w.as(w.sita), { applicationId: w.id })).flows[0]!.startMonth, competence: 'Midwifery', purpose: 'Safer births' }) });
    expect(await w.confirmed()).toEqual({ Kathmandu: true, Bergen: false, Addis: false });
    expect((await w.mailTo(w.eirik.email))[0]?.textBody).toContain(catalogs.nb['email.applicationConfirmationWithdrawn.plan']);

    const moshi = await createOrganisation(w.db, { legalName: 'Moshi School of Nursing', countryCode: 'TZ', city: 'Moshi' });
    await confirmApplicationPartner(w.as(w.meron), { applicationId: w.id, organisationId: w.addis.id });
    await addApplicationPartner(w.as(w.sita), { applicationId: w.id, organisationId: moshi.id });
    expect((await w.mailTo(w.meron.email)).map((m) => m.textBody.includes(catalogs.fr['email.applicationConfirmationWithdrawn.partners']))).toEqual([false, true]);
    await confirmApplicationPartner(w.as(w.meron), { applicationId: w.id, organisationId: w.addis.id });
    await removeApplicationPartner(w.as(w.sita), { applicationId: w.id, organisationId: moshi.id });
    expect(await w.mailTo(w.meron.email)).toHaveLength(3);
  });
});
