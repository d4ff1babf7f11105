import { asc, eq, inArray, like } from 'drizzle-orm';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { codelist } from '../../core/reference/codelists.ts';
import { getResultReport } from '../../core/results/get-result-report.ts';
import { saveResultReport, type ResultActualInput } from '../../core/results/save-result-report.ts';
import { startResultReport } from '../../core/results/start-result-report.ts';
import { submitResultReport } from '../../core/results/submit-result-report.ts';
import type { Database } from '../database.ts';
import { applicationGoals, applicationPartners, applications, goalIndicators, type IndicatorLevel, type MarkerValues } from '../schema/applications.ts';
import { organisations } from '../schema/organisations.ts';
import { partnershipStages } from '../schema/partnership-stages.ts';
import { partnerships } from '../schema/partnerships.ts';
import { resultReports, resultReportValues } from '../schema/result-reports.ts';

/** What each demo partnership's sector works towards: the shared goal and its two indicators (people reached; a number). */
const frameworks: Record<string, { goal: string; people: string; measure: [string, string, string] }> = {
  health: { goal: 'Safer care for mothers and newborns in every partner hospital', people: 'Health workers trained in emergency obstetric and newborn care', measure: ['Wards using the shared emergency checklists', '0', '6'] },
  education: { goal: 'Teachers in every partner school use learner-centred methods', people: 'Teachers trained in learner-centred methods', measure: ['Lessons observed and discussed by colleagues each term', '2', '20'] },
  governance: { goal: 'Citizens hold local authorities to account through independent media and civic groups', people: 'Journalists and activists trained', measure: ['Public hearings reported on', '0', '12'] },
  green: { goal: 'Clean energy and green businesses grow in the partners’ communities', people: 'Technicians and entrepreneurs trained', measure: ['Installations or businesses started', '0', '10'] },
  livelihoods: { goal: 'Women’s cooperatives earn more from what they grow', people: 'Cooperative members trained', measure: ['Cooperatives selling together', '1', '8'] },
};
const frameworkBySector: Record<string, keyof typeof frameworks> = {
  '12191': 'health',
  '12181': 'health',
  '12220': 'health',
  '11130': 'education',
  '11330': 'education',
  '15153': 'governance',
  '15150': 'governance',
  '23210': 'green',
  '25010': 'green',
  '31120': 'livelihoods',
};
/** The cross-cutting markers of the demo's applications by sector (0 not targeted, 1 significant, 2 principal). */
const markersBySector: Record<string, Partial<MarkerValues>> = {
  health: { gender_equality: 2, human_rights: 1 },
  education: { gender_equality: 1 },
  governance: { human_rights: 2, anti_corruption: 1 },
  green: { environment: 2 },
  livelihoods: { gender_equality: 2, environment: 1 },
};

const DAY = 86_400_000;
const narratives = [
  'The exchanges went as planned. Participants worked alongside their hosts for the whole stay and brought back practices their colleagues have started to use.',
  'One stay was shortened after an illness, agreed with the host; the others ran their full length. Returning participants now lead short sessions for their colleagues every month.',
];
const lessons = [
  'Pairing every visitor with one host colleague for the whole stay mattered more than the programme of visits.',
  'Planning the homecoming with the home organisation before departure made it far easier to use what was learned.',
];

/**
 * Demo results (issue 12, point 1): every demo partnership's applications get a results framework (a shared
 * goal with a people indicator and a numeric one, and a goal of each partner), its applications the
 * cross-cutting markers of its sector, and each finished round the partners' accepted results reports,
 * so the partnership pages and the dashboards show numbers. On the midwifery exchange (Kathmandu's), the
 * latest round has Kathmandu's report submitted and awaiting the adviser and its partner's still a draft; on
 * the South–South hospital partnership Kathmandu has not reported yet (its coordinator can start the report).
 * Deterministic; reports are written through the use-cases, dated no later than `now`.
 */
export async function seedDemoResults(tx: Database, now = new Date()) {
  const [kathmandu] = await tx.select().from(organisations).where(like(organisations.legalName, 'Kathmandu Model%'));
  const rows = await tx
    .select({ partnership: partnerships, stage: partnershipStages })
    .from(partnershipStages)
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .orderBy(asc(partnerships.title), asc(partnershipStages.startsOn), asc(partnershipStages.id));
  const byPartnership = new Map<string, typeof rows>();
  for (const row of rows) byPartnership.set(row.partnership.id, [...(byPartnership.get(row.partnership.id) ?? []), row]);
  const applicationIds = rows.map((r) => r.stage.applicationId);
  const [partnerRows, withGoals, markerRows] = await Promise.all([
    tx
      .select({ applicationId: applicationPartners.applicationId, organisationId: applicationPartners.organisationId, name: organisations.legalName })
      .from(applicationPartners)
      .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
      .where(inArray(applicationPartners.applicationId, applicationIds))
      .orderBy(asc(applicationPartners.position)),
    tx.selectDistinct({ applicationId: applicationGoals.applicationId }).from(applicationGoals).where(inArray(applicationGoals.applicationId, applicationIds)),
    tx.select({ id: applications.id, markers: applications.markers }).from(applications).where(inArray(applications.id, applicationIds)),
  ]);
  const partnersOf = (applicationId: string) => partnerRows.filter((r) => r.applicationId === applicationId);
  // An application that has goals already (the continuations' demo) keeps them, and gets no reports here.
  const hasGoals = new Set(withGoals.map((g) => g.applicationId));
  const markersOf = new Map(markerRows.map((r) => [r.id, r.markers]));
  const capped = (date: Date) => new Date(Math.min(date.getTime(), now.getTime() - DAY));
  const ctx = (at: Date) => coreContext({ db: tx, actor: system('demo-results'), now: () => at });

  /** The indicators written on each application, in the order a report lists them (shared first). */
  const written = new Map<string, { id: string; kind: 'people' | 'number' | 'text'; baseline: number | null; target: number | null; organisationId: string | null }[]>();
  const goalRows: (typeof applicationGoals.$inferInsert)[] = [];
  const indicatorSpecs: IndicatorSpec[][] = [];
  const historical: { report: typeof resultReports.$inferInsert; actuals: (r: string) => (typeof resultReportValues.$inferInsert)[] }[] = [];
  let running: { stage: (typeof rows)[number]['stage']; round: number; p: number } | null = null;

  for (const [p, chain] of [...byPartnership.values()].entries()) {
    const partnership = chain[0]!.partnership;
    const sector = frameworkBySector[partnership.sectorCode ?? ''] ?? 'health';
    const kind = frameworks[sector]!;
    const firstGoal = partnership.sdgGoals[0] ?? '3';
    const target = codelist('UNSDG-Targets').find((c) => c.active && c.code.startsWith(`${firstGoal}.`))?.code;
    const partners = partnersOf(chain[0]!.stage.applicationId);
    for (const { stage } of chain) {
      const markers = markersOf.get(stage.applicationId) ?? {};
      if (Object.values(markers).every((v) => !v)) {
        await tx.update(applications).set({ markers: { human_rights: 0, gender_equality: 0, environment: 0, anti_corruption: 0, ...markersBySector[sector] } }).where(eq(applications.id, stage.applicationId));
      }
      if (hasGoals.has(stage.applicationId)) continue;
      goalRows.push({ applicationId: stage.applicationId, organisationId: null, description: kind.goal, position: 0 });
      indicatorSpecs.push([
        { description: kind.people, baseline: '0', target: String(10 * partners.length), level: 'individual', countsPeople: true, sdgTargets: target ? [target] : [], seriesId: seriesOf(p, 0) },
        { description: kind.measure[0], baseline: kind.measure[1], target: kind.measure[2], level: 'organisational', sdgTargets: [], seriesId: seriesOf(p, 1) },
      ]);
      for (const [n, o] of partnersOf(stage.applicationId).entries()) {
        goalRows.push({ applicationId: stage.applicationId, organisationId: o.organisationId, description: `${o.name} builds what its returning staff learned into its own work`, position: n + 1 });
        indicatorSpecs.push([{ description: 'How the returning staff’s learning is used', baseline: 'Not yet', target: 'In regular use', level: 'organisational', sdgTargets: [], seriesId: seriesOf(p, 2 + partners.findIndex((x) => x.organisationId === o.organisationId)) }]);
      }
    }
  }
  // Every goal in one statement, then every indicator in another.
  const goals = goalRows.length ? await tx.insert(applicationGoals).values(goalRows).returning({ id: applicationGoals.id, applicationId: applicationGoals.applicationId, organisationId: applicationGoals.organisationId }) : [];
  const indicatorRows = goals.flatMap((goal, g) => indicatorSpecs[g]!.map((i, n) => ({ goal, ...indicatorRow(goal.id, n, i) })));
  const inserted = indicatorRows.length ? await tx.insert(goalIndicators).values(indicatorRows.map(({ goal: _goal, ...i }) => i)).returning({ id: goalIndicators.id, countsPeople: goalIndicators.countsPeople, baselineValue: goalIndicators.baselineValue, targetValue: goalIndicators.targetValue }) : [];
  inserted.forEach((i, n) => {
    const { goal } = indicatorRows[n]!;
    const list = written.get(goal.applicationId) ?? [];
    list.push({ id: i.id, kind: i.countsPeople ? 'people' : i.baselineValue !== null && i.targetValue !== null ? 'number' : 'text', baseline: i.baselineValue, target: i.targetValue, organisationId: goal.organisationId });
    written.set(goal.applicationId, list);
  });

  for (const [p, chain] of [...byPartnership.values()].entries()) {
    const partnership = chain[0]!.partnership;
    const rounds = chain.filter((r) => r.stage.kind === 'round' && written.has(r.stage.applicationId)).map((r) => r.stage);
    const midwifery = kathmandu && partnership.title.startsWith('Midwifery') && partnersOf(chain[0]!.stage.applicationId).some((o) => o.organisationId === kathmandu.id);
    for (const [r, stage] of rounds.entries()) {
      if (midwifery && r === rounds.length - 1) {
        running = { stage, round: r, p };
        continue;
      }
      if (Date.parse(`${stage.endsOn}T23:59:59Z`) >= now.getTime()) continue;
      for (const [n, { organisationId }] of partnersOf(stage.applicationId).entries()) {
        // Kathmandu has not reported on the South–South partnership's round yet: its coordinator can start it.
        if (organisationId === kathmandu?.id && partnership.title.startsWith('Hospital management')) continue;
        const submitted = capped(new Date(Date.parse(`${stage.endsOn}T10:00:00Z`) + (20 + n) * DAY));
        const decided = capped(new Date(submitted.getTime() + 12 * DAY));
        const mine = written.get(stage.applicationId)!.filter((i) => i.organisationId === null || i.organisationId === organisationId);
        historical.push({
          report: { stageId: stage.id, organisationId, status: 'accepted', narrative: narratives[(p + n) % 2]!, lessons: lessons[(p + r) % 2]!, publishLessons: (p + n) % 3 !== 0, submittedAt: submitted, decidedAt: decided, decidedByLabel: 'adviser@demo.example', version: 4, createdAt: new Date(submitted.getTime() - 3 * DAY), updatedAt: decided },
          actuals: (reportId) => mine.map((i, k) => ({ reportId, indicatorId: i.id, ...actualOf(i, { p, n, r, k }) })),
        });
      }
    }
  }
  // The finished rounds' reports, accepted long ago (as the adviser did; their emails went out then): written as they stand.
  if (historical.length) {
    const reports = await tx.insert(resultReports).values(historical.map((h) => h.report)).returning({ id: resultReports.id });
    const values = reports.flatMap((report, i) => historical[i]!.actuals(report.id));
    if (values.length) await tx.insert(resultReportValues).values(values);
  }

  // The midwifery exchange's latest round, through the use-cases as the partners would: Kathmandu's report
  // submitted and awaiting the adviser, its partner's still a draft.
  if (running) {
    const { stage, round: r, p } = running;
    for (const [n, { organisationId }] of partnersOf(stage.applicationId).entries()) {
      const submitted = capped(new Date(Date.parse(`${stage.endsOn}T10:00:00Z`) - 10 * DAY));
      const { id } = await startResultReport(ctx(new Date(submitted.getTime() - 3 * DAY)), { stageId: stage.id, organisationId });
      if (organisationId !== kathmandu!.id) continue;
      const report = await getResultReport(ctx(submitted), { reportId: id });
      const actuals: ResultActualInput[] = report.indicators.map((i, k) => ({ indicatorId: i.id, ...actualOf({ kind: i.kind, baseline: i.baselineValue, target: i.targetValue }, { p, n, r, k }) }));
      const saved = await saveResultReport(ctx(submitted), { reportId: id, version: report.version, narrative: narratives[(p + n) % 2]!, lessons: lessons[(p + r) % 2]!, publishLessons: true, actuals });
      await submitResultReport(ctx(submitted), { reportId: id, version: saved.version });
    }
  }
}

/** A partner's actual on one indicator in round `r` (0-based): growing with the rounds, different per partnership and partner, always the same. */
function actualOf(i: { kind: 'people' | 'number' | 'text'; baseline: number | null; target: number | null }, { p, n, r, k }: { p: number; n: number; r: number; k: number }) {
  if (i.kind === 'people') {
    const women = 3 + r * 2 + ((p + n + k) % 3);
    const men = 1 + r + ((p + 2 * n) % 3);
    const other = (p + n + r) % 5 === 0 ? 1 : 0;
    return { women, men, other, value: women + men + other };
  }
  // Two thirds of the way in the first round, the target or beyond from the second on (one partner a step short).
  if (i.kind === 'number') return { value: (i.baseline ?? 0) + Math.round((((r + 2) * ((i.target ?? 0) - (i.baseline ?? 0))) / 3) * ((p + n) % 4 === 3 ? 0.9 : 1)) };
  return { valueText: r === 0 ? 'Returning staff have shown their colleagues what they learned; two routines have changed.' : 'The new routines are written into the organisation’s procedures and taught to new staff.' };
}

/** A fixed series id per partnership and indicator, so the demo is the same every time it is seeded. */
function seriesOf(partnership: number, indicator: number): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return `00000000-0000-4000-8${hex(indicator, 3)}-${hex(0x12000000 + partnership, 12)}`;
}

interface IndicatorSpec {
  description: string;
  baseline: string;
  target: string;
  level: IndicatorLevel;
  countsPeople?: boolean;
  sdgTargets: string[];
  seriesId: string;
}

/** An indicator's row: a baseline and target both whole numbers make it numeric, as the goal form does. */
function indicatorRow(goalId: string, position: number, i: IndicatorSpec) {
  const baselineValue = /^\d+$/.test(i.baseline) ? Number(i.baseline) : null;
  const targetValue = /^\d+$/.test(i.target) ? Number(i.target) : null;
  const numeric = baselineValue !== null && targetValue !== null;
  return { goalId, position, description: i.description, baseline: i.baseline, target: i.target, level: i.level, countsPeople: i.countsPeople ?? false, sdgTargets: i.sdgTargets, seriesId: i.seriesId, baselineValue: numeric ? baselineValue : null, targetValue: numeric ? targetValue : null };
}
