import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { reportReminders } from '../../db/schema/participants.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { participantWorld, type ParticipantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, ForbiddenError, NotFoundError, UnauthenticatedError, type DomainError } from '../errors.ts';
import { system } from '../identity/actor.ts';
import { getOwnReport } from './get-own-report.ts';
import { getParticipantReport } from './get-participant-report.ts';
import { listOverdueReports } from './list-overdue-reports.ts';
import { reviewReport } from './review-report.ts';
import { saveReportDraft } from './save-report-draft.ts';
import { sendReportReminders } from './send-report-reminders.ts';
import { submitReport } from './submit-report.ts';

const testDb = useTestDatabase();
const april = () => new Date('2026-04-10T08:00:00Z');
const answers = { learned: 'Triage with few resources', hostGained: 'A second pair of hands at night', homeGains: 'A triage protocol', community: 'Talks at the health post', body: '' };
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: DomainError) => (e instanceof FieldProblemsError ? e.problems.map((x) => `${x.field}:${x.code}`).join(',') : e.code));

/** A Kathmandu nurse in placement in Bergen since 3 March 2026, with an account in French (the nomination said bokmål). */
async function placed(w: ParticipantWorld, overrides: Parameters<typeof createParticipant>[1] extends infer O ? Partial<O> : never = {}) {
  const row = await createParticipant(testDb.db, {
    partnershipId: w.partnership.id,
    homeOrganisationId: w.kathmandu.id,
    hostOrganisationId: w.bergen.id,
    homeCountry: 'NP',
    status: 'in_placement',
    startsOn: '2026-03-01',
    endsOn: '2026-08-31',
    actualStartsOn: '2026-03-03',
    locale: 'nb',
    ...overrides,
  });
  const account = await createUser(testDb.db, { locale: 'fr', participantIds: [row.id] });
  return { row, account };
}

describe('writing a report', () => {
  it('saves drafts on the server, versioned, then submits with every structured question answered', async () => {
    const w = await participantWorld(testDb.db);
    const { row, account } = await placed(w);
    const me = w.as(account, april);

    const fresh = await getOwnReport(me, { kind: 'arrival' });
    expect(fresh).toMatchObject({ status: 'not_started', dueOn: '2026-04-02', open: true, version: null });

    const draft = await saveReportDraft(me, { kind: 'arrival', version: null, ...answers, community: '' });
    expect(draft).toMatchObject({ status: 'draft', answers: { learned: 'Triage with few resources', community: '' } });
    // A second tab saving from the first version is stale; nothing of it is kept.
    expect(await codeOf(saveReportDraft(me, { kind: 'arrival', version: null, ...answers }))).toBe('staleEdit');
    expect(await codeOf(submitReport(me, { kind: 'arrival', version: draft.version, ...answers, community: '', hostGained: '' }))).toBe('hostGained:answerRequired,community:answerRequired');

    const submitted = await submitReport(me, { kind: 'arrival', version: draft.version, ...answers });
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: april() });
    expect(await codeOf(saveReportDraft(me, { kind: 'arrival', version: submitted.version, ...answers }))).toBe('reportLocked');
    const audit = await testDb.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, account.id));
    expect(audit.map((a) => a.action)).toEqual(['participantReport.saved', 'participantReport.submitted']);
    expect(row.id).toBe(submitted.participantId);
  });

  it('is for participants only, once their placement has begun, and only of the four kinds', async () => {
    const w = await participantWorld(testDb.db);
    const { account } = await placed(w, { status: 'preparing', actualStartsOn: null });
    expect(await codeOf(saveReportDraft(w.as(account), { kind: 'arrival', version: null, ...answers }))).toBe('reportNotOpen');
    expect(await codeOf(getOwnReport(w.as(account), { kind: 'diary' }))).toBe('notFound');
    await expect(getOwnReport(w.as(w.sender), { kind: 'arrival' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOwnReport(coreContext({ db: testDb.db }), { kind: 'arrival' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('reviewing a report', () => {
  it('is read by both partners’ coordinators and the adviser; the adviser accepts or returns it with a remark, emailed in the participant’s language', async () => {
    const w = await participantWorld(testDb.db);
    const { row, account } = await placed(w);
    const me = w.as(account, april);
    const draft = await saveReportDraft(me, { kind: 'mid_term', version: null, ...answers });

    // A draft is the participant's own: reviewers see that it exists, not what it says.
    expect(await getParticipantReport(w.as(w.host), { participantId: row.id, kind: 'mid_term' })).toMatchObject({ status: 'draft', answers: { learned: '' }, mayReview: false });
    expect(await codeOf(reviewReport(w.as(w.adviser), { participantId: row.id, kind: 'mid_term', version: draft.version!, decision: 'accept' }))).toBe('reportNotSubmitted');

    const submitted = await submitReport(me, { kind: 'mid_term', version: draft.version, ...answers });
    for (const reader of [w.host, w.sender, w.adviser, w.admin]) {
      expect(await getParticipantReport(w.as(reader), { participantId: row.id, kind: 'mid_term' })).toMatchObject({ status: 'submitted', answers: { learned: 'Triage with few resources' } });
    }
    expect((await getParticipantReport(w.as(w.adviser), { participantId: row.id, kind: 'mid_term' })).mayReview).toBe(true);
    expect((await getParticipantReport(w.as(w.host), { participantId: row.id, kind: 'mid_term' })).mayReview).toBe(false);
    await expect(getParticipantReport(w.as(w.stranger), { participantId: row.id, kind: 'mid_term' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParticipantReport(w.as(w.otherAdviser), { participantId: row.id, kind: 'mid_term' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParticipantReport(w.as(account), { participantId: row.id, kind: 'mid_term' })).rejects.toBeInstanceOf(ForbiddenError);

    // Coordinators read but do not decide; a remark is needed to return.
    await expect(reviewReport(w.as(w.host), { participantId: row.id, kind: 'mid_term', version: submitted.version!, decision: 'accept' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await codeOf(reviewReport(w.as(w.adviser), { participantId: row.id, kind: 'mid_term', version: submitted.version!, decision: 'return', remark: '  ' }))).toBe('reportRemarkRequired');
    const returned = await reviewReport(w.as(w.adviser), { participantId: row.id, kind: 'mid_term', version: submitted.version!, decision: 'return', remark: 'Say more about the night shifts.' });
    expect(returned).toMatchObject({ status: 'returned', remark: 'Say more about the night shifts.' });
    const [mail] = await testDb.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, account.email), eq(emailOutbox.template, 'reportReturned')));
    expect(mail).toMatchObject({ locale: 'fr', subject: catalogs.fr['email.reportReturned.subject'].replace('{report}', catalogs.fr['reportKind.mid_term']) });
    expect(mail!.textBody).toContain('Say more about the night shifts.');
    expect(mail!.textBody).toContain('https://exchange.example/fr/exchange/reports/mid_term');

    // Stale decisions are refused; the participant changes it and submits again; the adviser accepts.
    expect(await codeOf(reviewReport(w.as(w.adviser), { participantId: row.id, kind: 'mid_term', version: submitted.version!, decision: 'accept' }))).toBe('staleEdit');
    const again = await submitReport(me, { kind: 'mid_term', version: returned.version, ...answers, body: 'The night shifts were the heart of it.' });
    const accepted = await reviewReport(w.as(w.adviser), { participantId: row.id, kind: 'mid_term', version: again.version!, decision: 'accept' });
    expect(accepted.status).toBe('accepted');
  });
});

describe('overdue reports and their reminders', () => {
  it('lists overdue reports within each reader’s scope', async () => {
    const w = await participantWorld(testDb.db);
    const { row } = await placed(w);
    const { items } = await listOverdueReports(w.as(w.sender, april));
    expect(items.filter((i) => i.participantId === row.id)).toEqual([expect.objectContaining({ kind: 'arrival', dueOn: '2026-04-02', status: null })]);
    expect((await listOverdueReports(w.as(w.adviser, april))).items.some((i) => i.participantId === row.id)).toBe(true);
    expect((await listOverdueReports(w.as(w.stranger, april))).items.some((i) => i.participantId === row.id)).toBe(false);
    expect((await listOverdueReports(w.as(w.otherAdviser, april))).items.some((i) => i.participantId === row.id)).toBe(false);
    const financeOfficer = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(listOverdueReports(w.as(financeOfficer, april))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('reminds once per step, never twice: run twice, two runs at once, and a second step two weeks later with the sending coordinators, each in their language', async () => {
    const w = await participantWorld(testDb.db);
    const { row, account } = await placed(w, { actualStartsOn: '2026-02-20', startsOn: '2026-02-15' });
    const job = (now: () => Date) => sendReportReminders(coreContext({ db: testDb.db, actor: system('job:reminders'), now, publicUrl: 'https://exchange.example' }));
    const mine = (sent: { participantId: string }[]) => sent.filter((s) => s.participantId === row.id);

    // Arrival due 22 March; on 24 March the first step.
    const march24 = () => new Date('2026-03-24T07:00:00Z');
    const [a, b] = await Promise.all([job(march24), job(march24)]);
    expect([...mine(a.sent), ...mine(b.sent)]).toEqual([{ participantId: row.id, kind: 'arrival', dueOn: '2026-03-22', step: 'overdue', recipients: 1 }]);
    expect(mine((await job(march24)).sent)).toEqual([]);
    const toParticipant = await testDb.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, account.email), eq(emailOutbox.template, 'reportReminder')));
    expect(toParticipant).toHaveLength(1);
    expect(toParticipant[0]).toMatchObject({ locale: 'fr', subject: catalogs.fr['email.reportReminder.subject'].replace('{report}', catalogs.fr['reportKind.arrival']) });
    expect(toParticipant[0]!.textBody).toContain('https://exchange.example/fr/exchange/reports/arrival');

    // Two weeks on: the second step, to the participant and the sending coordinator (in English), not the host.
    const april10 = () => new Date('2026-04-10T07:00:00Z');
    expect(mine((await job(april10)).sent)).toEqual([{ participantId: row.id, kind: 'arrival', dueOn: '2026-03-22', step: 'second', recipients: 2 }]);
    expect(mine((await job(april10)).sent)).toEqual([]);
    const toSender = await testDb.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, w.sender.email), eq(emailOutbox.template, 'reportReminder')));
    expect(toSender).toHaveLength(1);
    expect(toSender[0]!.locale).toBe('en');
    expect(toSender[0]!.textBody).toContain(`https://exchange.example/en/participants/${row.id}/reports/arrival`);
    const toHost = await testDb.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, w.host.email), eq(emailOutbox.template, 'reportReminder')));
    expect(toHost).toHaveLength(0);
    expect(await testDb.db.select().from(reportReminders).where(eq(reportReminders.participantId, row.id))).toHaveLength(2);

    // Submitted: no more reminders.
    await submitReport(w.as(account, april10), { kind: 'arrival', version: null, ...answers });
    expect(mine((await job(() => new Date('2026-04-30T07:00:00Z'))).sent)).toEqual([]);
  });

  it('reads for the reminders only participants who can have a report due within the window, up to its first day', async () => {
    const w = await participantWorld(testDb.db);
    // The window opens 60 days before 10 April 2026: 9 February. The home engagement report is due 90 days after the actual end.
    const { row: onTheDay } = await placed(w, { status: 'completed', startsOn: '2025-05-01', endsOn: '2025-11-11', actualStartsOn: '2025-05-01', actualEndsOn: '2025-11-11' });
    const { row: dayBefore } = await placed(w, { status: 'completed', startsOn: '2025-05-01', endsOn: '2025-11-10', actualStartsOn: '2025-05-01', actualEndsOn: '2025-11-10' });
    const { sent } = await sendReportReminders(coreContext({ db: testDb.db, actor: system('job:reminders'), now: april }));
    expect(sent.filter((s) => s.participantId === onTheDay.id).map((s) => [s.kind, s.dueOn])).toEqual([['home_engagement', '2026-02-09']]);
    expect(sent.filter((s) => s.participantId === dayBefore.id)).toEqual([]);
  });

  it('does not remind reports that fell due long ago (a first run against years of history)', async () => {
    const w = await participantWorld(testDb.db);
    const { row } = await placed(w, { status: 'completed', startsOn: '2024-01-01', endsOn: '2024-06-30', actualStartsOn: '2024-01-02', actualEndsOn: '2024-06-30' });
    const { sent } = await sendReportReminders(coreContext({ db: testDb.db, actor: system('job:reminders'), now: april }));
    expect(sent.filter((s) => s.participantId === row.id)).toEqual([]);
    expect((await listOverdueReports(w.as(w.admin, april))).items.filter((i) => i.participantId === row.id).map((i) => i.kind)).toEqual(['arrival', 'mid_term', 'final', 'home_engagement']);
  });
});
