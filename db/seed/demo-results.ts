import { asc, eq, like } from 'drizzle-orm';
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
import { resultReports } from '../schema/result-reports.ts';

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
 * latest round has Kathmandu's report submitted and awaiting the adviser and its partner's still a draft.
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
  const capped = (date: Date) => new Date(Math.min(date.getTime(), now.getTime() - DAY));
  const ctx = (at: Date) => coreContext({ db: tx, actor: system('demo-results'), now: () => at });

  for (const [p, chain] of [...byPartnership.values()].entries()) {
    const partnership = chain[0]!.partnership;
    const kind = frameworks[frameworkBySector[partnership.sectorCode ?? ''] ?? 'health']!;
    const markers = markersBySector[frameworkBySector[partnership.sectorCode ?? ''] ?? 'health']!;
    const firstGoal = partnership.sdgGoals[0] ?? '3';
    const target = codelist('UNSDG-Targets').find((c) => c.active && c.code.startsWith(`${firstGoal}.`))?.code;
    const series = { people: seriesOf(p, 0), measure: seriesOf(p, 1), own: new Map<string, string>() };
    const partnerRows = await tx
      .select({ organisationId: applicationPartners.organisationId, name: organisations.legalName })
      .from(applicationPartners)
      .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
      .where(eq(applicationPartners.applicationId, chain[0]!.stage.applicationId))
      .orderBy(asc(applicationPartners.position));
    partnerRows.forEach((o, n) => series.own.set(o.organisationId, seriesOf(p, 2 + n)));

    for (const { stage } of chain) {
      // An application that has goals already (the continuations' demo) keeps them.
      const [existing] = await tx.select({ id: applicationGoals.id }).from(applicationGoals).where(eq(applicationGoals.applicationId, stage.applicationId)).limit(1);
      if (!existing) {
        await addGoal(tx, stage.applicationId, 0, null, kind.goal, [
          { description: kind.people, baseline: '0', target: String(10 * partnerRows.length), level: 'individual', countsPeople: true, sdgTargets: target ? [target] : [], seriesId: series.people },
          { description: kind.measure[0], baseline: kind.measure[1], target: kind.measure[2], level: 'organisational', sdgTargets: [], seriesId: series.measure },
        ]);
        for (const [n, o] of partnerRows.entries()) {
          await addGoal(tx, stage.applicationId, n + 1, o.organisationId, `${o.name} builds what its returning staff learned into its own work`, [
            { description: 'How the returning staff’s learning is used', baseline: 'Not yet', target: 'In regular use', level: 'organisational', sdgTargets: [], seriesId: series.own.get(o.organisationId)! },
          ]);
        }
      }
      const [application] = await tx.select({ markers: applications.markers }).from(applications).where(eq(applications.id, stage.applicationId));
      if (application && Object.values(application.markers).every((v) => !v)) {
        await tx.update(applications).set({ markers: { human_rights: 0, gender_equality: 0, environment: 0, anti_corruption: 0, ...markers } }).where(eq(applications.id, stage.applicationId));
      }
    }

    const rounds = chain.filter((r) => r.stage.kind === 'round').map((r) => r.stage);
    const midwifery = kathmandu && partnerRows.some((o) => o.organisationId === kathmandu.id) && partnership.title.startsWith('Midwifery');
    for (const [r, stage] of rounds.entries()) {
      const ended = Date.parse(`${stage.endsOn}T23:59:59Z`) < now.getTime();
      const latestOfMidwifery = midwifery && r === rounds.length - 1;
      if (!ended && !latestOfMidwifery) continue;
      const partners = await tx.select({ organisationId: applicationPartners.organisationId }).from(applicationPartners).where(eq(applicationPartners.applicationId, stage.applicationId)).orderBy(asc(applicationPartners.position));
      for (const [n, { organisationId }] of partners.entries()) {
        const submitted = capped(new Date(Date.parse(`${stage.endsOn}T10:00:00Z`) + (latestOfMidwifery ? -10 : 20 + n) * DAY));
        if (latestOfMidwifery && organisationId !== kathmandu!.id) {
          await startResultReport(ctx(capped(new Date(submitted.getTime() - 2 * DAY))), { stageId: stage.id, organisationId });
          continue;
        }
        const { id } = await startResultReport(ctx(new Date(submitted.getTime() - 3 * DAY)), { stageId: stage.id, organisationId });
        const report = await getResultReport(ctx(submitted), { reportId: id });
        const actuals: ResultActualInput[] = report.indicators.map((i, k) => {
          if (i.kind === 'people') return { indicatorId: i.id, women: 3 + r * 2 + ((p + n + k) % 3), men: 1 + r + ((p + 2 * n) % 3), other: (p + n + r) % 5 === 0 ? 1 : 0 };
          if (i.kind === 'number') return { indicatorId: i.id, value: (i.baselineValue ?? 0) + (r + 1) * Math.max(1, Math.round(((i.targetValue ?? 0) - (i.baselineValue ?? 0)) / 4)) + ((p + n) % 2) };
          return { indicatorId: i.id, valueText: r === 0 ? 'Returning staff have shown their colleagues what they learned; two routines have changed.' : 'The new routines are written into the ward’s procedures and taught to new staff.' };
        });
        const saved = await saveResultReport(ctx(submitted), { reportId: id, version: report.version, narrative: narratives[(p + n) % 2]!, lessons: lessons[(p + r) % 2]!, publishLessons: (p + n) % 3 !== 0, actuals });
        const { version } = await submitResultReport(ctx(submitted), { reportId: id, version: saved.version });
        if (latestOfMidwifery) continue;
        // Accepted as the adviser did, without the email of the decision (it went out long ago).
        const decided = capped(new Date(submitted.getTime() + 12 * DAY));
        await tx.update(resultReports).set({ status: 'accepted', decidedAt: decided, decidedByLabel: 'adviser@demo.example', version: version + 1, updatedAt: decided }).where(eq(resultReports.id, id));
      }
    }
  }
}

/** A fixed series id per partnership and indicator, so the demo is the same every time it is seeded. */
function seriesOf(partnership: number, indicator: number): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return `00000000-0000-4000-8${hex(indicator, 3)}-${hex(0x12000000 + partnership, 12)}`;
}

async function addGoal(tx: Database, applicationId: string, position: number, organisationId: string | null, description: string, indicators: { description: string; baseline: string; target: string; level: IndicatorLevel; countsPeople?: boolean; sdgTargets: string[]; seriesId: string }[]) {
  const [goal] = await tx.insert(applicationGoals).values({ applicationId, organisationId, description, position }).returning({ id: applicationGoals.id });
  await tx.insert(goalIndicators).values(
    indicators.map((i, n) => {
      const baselineValue = /^\d+$/.test(i.baseline) ? Number(i.baseline) : null;
      const targetValue = /^\d+$/.test(i.target) ? Number(i.target) : null;
      const numeric = baselineValue !== null && targetValue !== null;
      return { goalId: goal!.id, position: n, description: i.description, baseline: i.baseline, target: i.target, level: i.level, countsPeople: i.countsPeople ?? false, sdgTargets: i.sdgTargets, seriesId: i.seriesId, baselineValue: numeric ? baselineValue : null, targetValue: numeric ? targetValue : null };
    }),
  );
}

