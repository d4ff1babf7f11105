import { describe, expect, it } from 'vitest';
import { coreContext } from '../../core/context.ts';
import { getParticipantReport } from '../../core/participants/get-participant-report.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { participantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { runOwnReportAction, runReviewReportAction } from './report-actions.server.ts';

const testDb = useTestDatabase();
const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};
const filled = { learned: 'Triage', hostGained: 'Night cover', homeGains: 'A protocol', community: 'Talks', body: '' };
type Answer = Awaited<ReturnType<typeof runOwnReportAction>>;
const dataOf = (answer: Answer | Awaited<ReturnType<typeof runReviewReportAction>>) => {
  if (answer instanceof Response) throw new Error(`redirected to ${answer.headers.get('location')}`);
  return { status: answer.init?.status, ...(answer.data as object) } as { status?: number; errors: { field: string; message: string }[]; values?: Record<string, string>; version?: string };
};

describe('the report forms', () => {
  it('save a draft, keep what was typed on a stale save and name every missing answer in the reader’s language', async () => {
    const w = await participantWorld(testDb.db);
    const row = await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', actualStartsOn: '2026-03-03', startsOn: '2026-03-01', endsOn: '2026-08-31' });
    const account = await createUser(testDb.db, { locale: 'es', participantIds: [row.id] });
    const ctx = coreContext({ db: testDb.db, actor: account.actor, now: () => new Date('2026-04-10T08:00:00Z') });
    const t = createTranslator('es');

    const saved = await runOwnReportAction({ ctx, t, kind: 'arrival', form: formOf({ intent: 'save', version: '', learned: 'Triage' }) });
    expect(saved).toBeInstanceOf(Response);
    expect((saved as Response).headers.get('location')).toBe('/es/exchange/reports/arrival?saved=draft');

    const stale = dataOf(await runOwnReportAction({ ctx, t, kind: 'arrival', form: formOf({ intent: 'save', version: '', learned: 'From another tab' }) }));
    expect(stale.status).toBe(409);
    expect(stale.errors).toEqual([{ field: 'learned', message: t.t('error.staleEdit') }]);
    expect(stale.values).toMatchObject({ learned: 'From another tab', version: expect.stringMatching(/^2\d{3}-/) });

    const missing = dataOf(await runOwnReportAction({ ctx, t, kind: 'arrival', form: formOf({ intent: 'submit', version: stale.values!.version!, learned: 'Triage' }) }));
    expect(missing.status).toBe(400);
    expect(missing.errors.map((e) => e.field)).toEqual(['hostGained', 'homeGains', 'community']);
    expect(missing.errors[0]!.message).toBe(t.t('error.answerRequired'));

    const submitted = await runOwnReportAction({ ctx, t, kind: 'arrival', form: formOf({ intent: 'submit', version: stale.values!.version!, ...filled }) });
    expect((submitted as Response).headers.get('location')).toBe('/es/exchange/reports/arrival?saved=submitted');
    const locked = dataOf(await runOwnReportAction({ ctx, t, kind: 'arrival', form: formOf({ intent: 'save', version: stale.values!.version!, ...filled }) }));
    expect(locked.status).toBe(409);

    // The adviser returns it: a remark is needed, and it is said beside the remark field.
    const adviser = coreContext({ db: testDb.db, actor: w.adviser.actor });
    const nn = createTranslator('nn');
    const { version } = await getParticipantReport(adviser, { participantId: row.id, kind: 'arrival' });
    const noRemark = dataOf(await runReviewReportAction({ ctx: adviser, t: nn, participantId: row.id, kind: 'arrival', form: formOf({ intent: 'return', version: version!, remark: '' }) }));
    expect(noRemark.errors).toEqual([{ field: 'remark', message: nn.t('error.reportRemarkRequired') }]);
    const returned = await runReviewReportAction({ ctx: adviser, t: nn, participantId: row.id, kind: 'arrival', form: formOf({ intent: 'return', version: version!, remark: 'Meir om nattevaktene.' }) });
    expect((returned as Response).headers.get('location')).toBe(`/nn/participants/${row.id}/reports/arrival?saved=returned`);
  });
});
