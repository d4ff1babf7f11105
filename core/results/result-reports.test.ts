import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createGoalWithIndicators, createResultReport } from '../../db/factories/result-report-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { resultReports } from '../../db/schema/result-reports.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { visitor, type Actor } from '../identity/actor.ts';
import { encodeCursor } from '../pagination/keyset-cursor.ts';
import { acceptedActuals } from './accepted-actuals.ts';
import { acceptResultReport, returnResultReport } from './decide-result-report.ts';
import { exportResultsCsv } from './export-results-csv.ts';
import { getPartnershipResults } from './get-partnership-results.ts';
import { getResultReport } from './get-result-report.ts';
import { parseIndicatorNumber, parsePeopleCount } from './indicator-number.ts';
import { listResultReports, listResultRounds } from './list-result-reports.ts';
import { actualField, reachesTarget, resultSubmissionProblems } from './result-report-rules.ts';
import { getResultsDashboard } from './results-dashboard.ts';
import { saveResultReport } from './save-result-report.ts';
import { startResultReport } from './start-result-report.ts';
import { submitResultReport } from './submit-result-report.ts';

const testDb = useTestDatabase();
const as = (actor: Actor) => coreContext({ db: testDb.db, actor, publicUrl: 'https://exchange.example', now: () => new Date('2028-03-15T10:00:00Z') });

/**
 * A Kathmandu–Bergen round in `year` whose application has a shared goal (people trained, counted by gender;
 * a numeric share) and a goal of each partner (Kathmandu's qualitative, Bergen's numeric), with each side's
 * staff, an outsider and the agency.
 */
async function world({ year = 2027, countries = ['NP', 'NO'] as [string, string] } = {}) {
  const db = testDb.db;
  const kathmandu = await createOrganisation(db, { countryCode: countries[0], legalName: `Kathmandu Model Hospital ${year}` });
  const bergen = await createOrganisation(db, { countryCode: countries[1], legalName: `Haukeland universitetssjukehus ${year}` });
  const elsewhere = await createOrganisation(db, { countryCode: 'KE', legalName: `Nairobi Hospital ${year}` });
  const programme = await createProgramme(db);
  const partnership = await createPartnership(db, { partners: [kathmandu, bergen], programmeId: programme.id });
  const stage = await createPartnershipStage(db, { partnership, kind: 'round', startsOn: `${year}-03-01`, endsOn: `${year + 1}-02-28` });
  await db.update(applications).set({ sdgGoals: ['3', '4'], markers: { gender_equality: 2, environment: 0, human_rights: 1, anti_corruption: 0 } }).where(eq(applications.id, stage.applicationId));
  const shared = await createGoalWithIndicators(db, {
    applicationId: stage.applicationId,
    indicators: [
      { description: 'Nurses trained in neonatal care', baseline: '0', target: '40', level: 'individual', countsPeople: true, sdgTargets: ['3.2'] },
      { description: 'Share of births with a skilled attendant (%)', baseline: '60', target: '75', level: 'societal' },
    ],
  });
  const own = await createGoalWithIndicators(db, { applicationId: stage.applicationId, organisationId: kathmandu.id, description: 'A simulation lab in Kathmandu', position: 1, indicators: [{ description: 'How the lab is used', baseline: 'No lab', target: 'A lab used weekly', level: 'organisational' }] });
  const theirs = await createGoalWithIndicators(db, { applicationId: stage.applicationId, organisationId: bergen.id, description: 'Bergen learns low-resource care', position: 2, indicators: [{ description: 'Courses given in Bergen', baseline: '0', target: '4', level: 'organisational' }] });
  const coordinator = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }], locale: 'nb' });
  const finance = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] });
  const bergenCoordinator = await createUser(db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const outsider = await createUser(db, { memberships: [{ organisationId: elsewhere.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  const officer = await createUser(db, { agencyRoles: ['finance_officer'] });
  const people = shared.indicators[0]!;
  const share = shared.indicators[1]!;
  const lab = own.indicators[0]!;
  const courses = theirs.indicators[0]!;
  return { kathmandu, bergen, programme, partnership, stage, people, share, lab, courses, coordinator, finance, bergenCoordinator, outsider, adviser, officer };
}

/** Everything a complete Kathmandu report needs. */
const complete = (w: Awaited<ReturnType<typeof world>>) => ({
  narrative: 'Twelve nurses went to Bergen and came back with a new way of resuscitating newborns.',
  lessons: 'Pair every visitor with one host colleague for the whole stay.',
  publishLessons: true,
  actuals: [
    { indicatorId: w.people.id, women: 9, men: 3, other: 0 },
    { indicatorId: w.share.id, value: 68.5 },
    { indicatorId: w.lab.id, valueText: 'Used twice a week by the maternity ward' },
  ],
});

describe('numbers as typed', () => {
  it('reads numbers in every locale’s way and refuses words', () => {
    expect(parseIndicatorNumber('1 200')).toBe(1200);
    expect(parseIndicatorNumber('12,5')).toBe(12.5);
    expect(parseIndicatorNumber('-3.25')).toBe(-3.25);
    expect(parseIndicatorNumber('12 %')).toBeUndefined();
    expect(parseIndicatorNumber('1.234')).toBeUndefined();
    expect(parsePeopleCount('')).toBeNull();
    expect(parsePeopleCount('4.5')).toBeUndefined();
    expect(parsePeopleCount('-1')).toBeUndefined();
    expect(reachesTarget(60, 75, 75)).toBe(true);
    expect(reachesTarget(10, 5, 6)).toBe(false);
    expect(reachesTarget(null, 5, 6)).toBeNull();
  });

  it('names every missing part at once, in the order of the page', () => {
    const problems = resultSubmissionProblems({ narrative: ' ', lessons: '' }, [
      { id: 'a', kind: 'people', actual: { value: null, women: 1, men: null, other: null, valueText: '' } },
      { id: 'b', kind: 'number', actual: { value: null, women: null, men: null, other: null, valueText: '' } },
      { id: 'c', kind: 'text', actual: { value: null, women: null, men: null, other: null, valueText: '' } },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['narrative', actualField('a', 'men'), actualField('a', 'other'), actualField('b', 'value'), actualField('c', 'text'), 'lessons']);
  });
});

describe('a round’s results report', () => {
  it('is started by the partner’s coordinator, once, with its own and the shared indicators only', async () => {
    const w = await world();
    const { id } = await startResultReport(as(w.coordinator.actor), { stageId: w.stage.id });
    const report = await getResultReport(as(w.coordinator.actor), { reportId: id });
    expect(report.status).toBe('draft');
    expect(report.indicators.map((i) => [i.description, i.kind, i.goal.shared])).toEqual([
      ['Nurses trained in neonatal care', 'people', true],
      ['Share of births with a skilled attendant (%)', 'number', true],
      ['How the lab is used', 'text', false],
    ]);
    expect(report.canEdit).toBe(true);
    await expect(startResultReport(as(w.coordinator.actor), { stageId: w.stage.id })).rejects.toMatchObject({ code: 'resultReportExists', status: 409 });
    expect((await listResultRounds(as(w.coordinator.actor))).map((r) => [r.stageId, r.reportId, r.status])).toEqual([[w.stage.id, id, 'draft']]);
    const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, 'result-report.started')));
    expect(audit).toBeDefined();
  });

  it('is not started by finance staff, an outsider, or on a guessed round', async () => {
    const w = await world();
    await expect(startResultReport(as(w.finance.actor), { stageId: w.stage.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startResultReport(as(w.outsider.actor), { stageId: w.stage.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startResultReport(as(w.coordinator.actor), { stageId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startResultReport(as(w.coordinator.actor), { stageId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startResultReport(as(w.adviser.actor), { stageId: w.stage.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('is read by the partnership’s partners and the agency; to anyone else it does not exist', async () => {
    const w = await world();
    const { id } = await startResultReport(as(w.coordinator.actor), { stageId: w.stage.id });
    const bergen = await getResultReport(as(w.bergenCoordinator.actor), { reportId: id });
    expect(bergen.canEdit).toBe(false);
    expect((await getResultReport(as(w.finance.actor), { reportId: id })).canEdit).toBe(false);
    expect((await getResultReport(as(w.officer.actor), { reportId: id })).canDecide).toBe(false);
    await expect(getResultReport(as(w.outsider.actor), { reportId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getResultReport(as(visitor), { reportId: id })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getResultReport(as(w.coordinator.actor), { reportId: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveResultReport(as(w.bergenCoordinator.actor), { reportId: id, version: 1, narrative: 'Not ours' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveResultReport(as(w.outsider.actor), { reportId: id, version: 1, narrative: 'Not ours' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listResultReports(as(w.outsider.actor))).items).toEqual([]);
    expect((await listResultReports(as(w.bergenCoordinator.actor))).items.map((r) => r.id)).toContain(id);
  });

  it('keeps a draft, refuses bad values all at once and a stale save, and names every gap on submitting', async () => {
    const w = await world();
    const { id, version } = await startResultReport(as(w.coordinator.actor), { stageId: w.stage.id });
    const refused = await saveResultReport(as(w.coordinator.actor), {
      reportId: id,
      version,
      actuals: [
        { indicatorId: w.people.id, women: -1, men: 2.5, other: 0 },
        { indicatorId: w.share.id, value: 1.234 },
        { indicatorId: w.courses.id, value: 3 },
      ],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems.map((p) => [p.field, p.code])).toEqual([
      [actualField(w.people.id, 'women'), 'resultReportPeopleInvalid'],
      [actualField(w.people.id, 'men'), 'resultReportPeopleInvalid'],
      [actualField(w.share.id, 'value'), 'resultReportValueInvalid'],
      ['actuals.2.indicatorId', 'resultReportUnknownIndicator'],
    ]);
    const saved = await saveResultReport(as(w.coordinator.actor), { reportId: id, version, narrative: 'Half written', actuals: [{ indicatorId: w.people.id, women: 4, men: null, other: null }] });
    expect(saved.version).toBe(version + 1);
    await expect(saveResultReport(as(w.coordinator.actor), { reportId: id, version, narrative: 'An older page' })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    const gaps = await submitResultReport(as(w.coordinator.actor), { reportId: id, version: saved.version }).catch((e: unknown) => e);
    expect(gaps).toBeInstanceOf(FieldProblemsError);
    expect((gaps as FieldProblemsError).problems.map((p) => p.field)).toEqual([actualField(w.people.id, 'men'), actualField(w.people.id, 'other'), actualField(w.share.id, 'value'), actualField(w.lab.id, 'text'), 'lessons']);
    const draft = await getResultReport(as(w.coordinator.actor), { reportId: id });
    expect(draft.narrative).toBe('Half written');
    expect(draft.indicators[0]!.actual).toMatchObject({ women: 4, men: null, total: null });
  });

  it('goes to the adviser, comes back with a remark in the partner’s language, and is accepted', async () => {
    const w = await world();
    const { id, version } = await startResultReport(as(w.coordinator.actor), { stageId: w.stage.id });
    const saved = await saveResultReport(as(w.coordinator.actor), { reportId: id, version, ...complete(w) });
    const submitted = await submitResultReport(as(w.coordinator.actor), { reportId: id, version: saved.version });
    await expect(saveResultReport(as(w.coordinator.actor), { reportId: id, version: submitted.version, narrative: 'Too late' })).rejects.toMatchObject({ code: 'resultReportLocked', status: 409 });
    await expect(acceptResultReport(as(w.coordinator.actor), { reportId: id, version: submitted.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptResultReport(as(w.officer.actor), { reportId: id, version: submitted.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(returnResultReport(as(w.adviser.actor), { reportId: id, version: submitted.version, remark: '  ' })).rejects.toMatchObject({ code: 'resultReportRemarkRequired', field: 'remark' });
    expect((await getResultReport(as(w.adviser.actor), { reportId: id })).canDecide).toBe(true);
    const returned = await returnResultReport(as(w.adviser.actor), { reportId: id, version: submitted.version, remark: 'Say how many of the nurses were midwives.' });
    const [mail] = await testDb.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, w.coordinator.email), eq(emailOutbox.template, 'resultReportReturned')));
    expect(mail?.locale).toBe('nb');
    expect(mail?.textBody).toContain('Say how many of the nurses were midwives.');
    expect(mail?.textBody).toContain(`https://exchange.example/nb/result-reports/${id}`);
    await expect(acceptResultReport(as(w.adviser.actor), { reportId: id, version: returned.version })).rejects.toMatchObject({ code: 'resultReportNotSubmitted', status: 409 });
    const again = await saveResultReport(as(w.coordinator.actor), { reportId: id, version: returned.version, narrative: 'Twelve nurses, four of them midwives, went to Bergen.' });
    const resubmitted = await submitResultReport(as(w.coordinator.actor), { reportId: id, version: again.version });
    await expect(acceptResultReport(as(w.adviser.actor), { reportId: id, version: again.version })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    await acceptResultReport(as(w.adviser.actor), { reportId: id, version: resubmitted.version });
    const accepted = await getResultReport(as(w.coordinator.actor), { reportId: id });
    expect(accepted).toMatchObject({ status: 'accepted', canEdit: false, publishLessons: true });
    expect(accepted.indicators[0]!.actual).toMatchObject({ women: 9, men: 3, other: 0, total: 12 });
    const actions = (await testDb.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['result-report.started', 'result-report.saved', 'result-report.submitted', 'result-report.returned', 'result-report.accepted']));
    expect((await listResultReports(as(w.adviser.actor), { status: 'accepted' })).items.map((r) => r.id)).toContain(id);
  });
});

describe('the results reports list', () => {
  it('pages through every report the reader may read once, in the decision queue’s order, under each filter, for the agency and for partner staff', async () => {
    const db = testDb.db;
    const kathmandu = await createOrganisation(db, { countryCode: 'NP', legalName: 'Dhulikhel Hospital' });
    const lilongwe = await createOrganisation(db, { countryCode: 'MW', legalName: 'Kamuzu Central Hospital' });
    const bergen = await createOrganisation(db, { countryCode: 'NO', legalName: 'Haukeland universitetssjukehus' });
    const programme = await createProgramme(db);
    const ours = await createPartnership(db, { partners: [kathmandu, bergen], programmeId: programme.id });
    const theirs = await createPartnership(db, { partners: [lilongwe, bergen], programmeId: programme.id });
    // 64 reports on one partnership and 8 on another, submitted and accepted in turn, some changed at the same
    // instant (the order then falls to the id): more than a page for the agency and for Dhulikhel's staff.
    const statuses = ['submitted', 'accepted'] as const;
    for (const [partnership, partners, rounds] of [[ours, [kathmandu, bergen], 32], [theirs, [lilongwe, bergen], 4]] as const) {
      for (let round = 0; round < rounds; round++) {
        const stage = await createPartnershipStage(db, { partnership, kind: 'round', startsOn: '2027-03-01', endsOn: '2028-02-28' });
        for (const [i, organisation] of partners.entries()) {
          const at = new Date(Date.UTC(2027, 5, 1 + (round % 5), 10));
          await createResultReport(db, { stageId: stage.id, organisationId: organisation.id, status: statuses[(round + i) % 2]!, submittedAt: at, decidedAt: at });
        }
      }
    }
    const staff = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
    const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
    const all = await db.select({ id: resultReports.id, status: resultReports.status, updatedAt: resultReports.updatedAt, partnershipId: partnershipStages.partnershipId }).from(resultReports).innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId));
    for (const [reader, readable] of [[adviser, () => true], [staff, (r: (typeof all)[number]) => r.partnershipId === ours.id]] as const) {
      for (const status of [undefined, 'accepted' as const]) {
        const expected = all
          .filter((r) => readable(r) && (!status || r.status === status))
          .sort((a, b) => Number(a.status !== 'submitted') - Number(b.status !== 'submitted') || b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id));
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await listResultReports(as(reader.actor), { status, after });
          expect(page.total).toBe(expected.length);
          seen.push(...page.items.map((r) => r.id));
          after = page.next ?? undefined;
        } while (after);
        expect(seen).toEqual(expected.map((r) => r.id));
        // A cursor at the last report: no rows, the total still counted.
        const last = expected.at(-1)!;
        const key = `${last.status === 'submitted' ? 0 : 1}:${last.updatedAt.toISOString()}`;
        expect(await listResultReports(as(reader.actor), { status, after: encodeCursor(key, last.id) })).toEqual({ items: [], total: expected.length, next: null });
      }
    }
  });
});

describe('accepted results', () => {
  /** Both partners report; only Kathmandu's report is accepted, Bergen's waits for the adviser. */
  async function reported() {
    const w = await world({ year: 2031, countries: ['TZ', 'NO'] });
    await createResultReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id, status: 'accepted', narrative: 'n', lessons: 'l', values: [{ indicatorId: w.people.id, women: 9, men: 3, other: 1 }, { indicatorId: w.share.id, value: 76 }, { indicatorId: w.lab.id, valueText: 'Weekly' }] });
    await createResultReport(testDb.db, { stageId: w.stage.id, organisationId: w.bergen.id, status: 'submitted', narrative: 'n', lessons: 'l', values: [{ indicatorId: w.people.id, women: 100, men: 100, other: 0 }, { indicatorId: w.courses.id, value: 2 }] });
    return w;
  }

  it('are read per indicator and round, from accepted reports only', async () => {
    const w = await reported();
    const rows = await acceptedActuals(testDb.db, { partnershipIds: [w.partnership.id] });
    expect(rows.map((r) => [r.indicatorId, r.organisationId, r.value, r.women, r.periodStart])).toEqual([
      [w.people.id, w.kathmandu.id, 13, 9, '2031-03-01'],
      [w.share.id, w.kathmandu.id, 76, null, '2031-03-01'],
      [w.lab.id, w.kathmandu.id, null, null, '2031-03-01'],
    ]);
    const results = await getPartnershipResults(as(visitor), { partnershipId: w.partnership.id });
    const indicators = results.goals.flatMap((g) => g.indicators);
    expect(indicators.map((i) => [i.description, i.baseline, i.target, i.points.map((p) => [p.roundNumber, p.value, p.women, p.reachesTarget])])).toEqual([
      ['Nurses trained in neonatal care', '0', '40', [[1, 13, 9, false]]],
      ['Share of births with a skilled attendant (%)', '60', '75', [[1, 76, null, true]]],
      ['How the lab is used', 'No lab', 'A lab used weekly', [[1, null, null, null]]],
      ['Courses given in Bergen', '0', '4', []],
    ]);
  });

  it('are summed on the dashboards by programme, SDG, theme, country and year, under the filters, for agency staff only', async () => {
    const w = await reported();
    const dashboard = await getResultsDashboard(as(w.adviser.actor), { programme: w.programme.id });
    expect(dashboard.total).toMatchObject({ reports: 1, partnerships: 1, indicators: 3, onTarget: 1, measured: 2, women: 9, men: 3, other: 1, people: 13 });
    expect(dashboard.groups.country.map((g) => [g.key, g.people])).toEqual([['TZ', 13]]);
    expect(dashboard.groups.year.map((g) => [g.key, g.reports])).toEqual([['2031', 1]]);
    // The people indicator names target 3.2; the others count under the application's SDGs 3 and 4.
    expect(dashboard.groups.sdg.map((g) => [g.key, g.indicators, g.people])).toEqual([['3', 3, 13], ['4', 2, 0]]);
    expect(dashboard.groups.theme.map((g) => [g.key, g.indicators])).toEqual([['gender_equality', 3], ['human_rights', 3]]);
    expect((await getResultsDashboard(as(w.officer.actor), { programme: w.programme.id, sdg: '4' })).total).toMatchObject({ indicators: 2, people: 0 });
    expect((await getResultsDashboard(as(w.adviser.actor), { programme: w.programme.id, country: 'NO' })).total.indicators).toBe(0);
    expect((await getResultsDashboard(as(w.adviser.actor), { programme: w.programme.id, theme: 'environment' })).total.indicators).toBe(0);
    await expect(getResultsDashboard(as(w.coordinator.actor))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getResultsDashboard(as(visitor))).rejects.toBeInstanceOf(UnauthenticatedError);
    const csv = await new Response(await exportResultsCsv(as(w.adviser.actor), { dimension: 'country', filter: { programme: w.programme.id }, locale: 'fr' })).text();
    const [header, ...lines] = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    expect(header![1]).toBe('Pays');
    expect(lines).toEqual([['TZ', 'Tanzanie', '1', '1', '3', '1', '2', '9', '3', '1', '13']]);
  });
});
