import { and, asc, eq } from 'drizzle-orm';
import { recordBudgetVersions } from '../../core/budgets/record-budget-versions.ts';
import type { Database } from '../database.ts';
import { applications, planFlows } from '../schema/applications.ts';
import { budgetOtherLines, exchangeRates } from '../schema/budgets.ts';
import { organisations } from '../schema/organisations.ts';
import { DEMO_RADIO_HEALTH } from './demo-radio-health.ts';

/** NOK for one unit at the start of 2026, in millionths, and small monthly moves (per mille) after it. */
const BASES: Record<string, bigint> = { NPR: 78_450n, ETB: 76_120n, MWK: 6_050n, BOB: 1_523_400n, GTQ: 1_362_800n };
const MOVES = [0n, 3n, -2n, 5n, 1n, -4n, 2n, 6n, -1n, 3n, -3n, 4n];

/** The demo exchange rates: the partner countries' currencies on the first of every month of 2026, as Norges Bank would give them. */
export function demoExchangeRates() {
  return Object.entries(BASES).flatMap(([currency, base]) =>
    MOVES.map((move, month) => {
      const micro = base + (base * move) / 1000n;
      return { currency, date: `2026-${String(month + 1).padStart(2, '0')}-01`, nokPerUnit: `${micro / 1_000_000n}.${(micro % 1_000_000n).toString().padStart(6, '0')}`, source: 'Norges Bank' };
    }),
  );
}

/**
 * Demo budgets: the exchange rates above, two other lines on the Cochabamba–Quetzaltenango round (in
 * the plan before it was approved), then the first stored version of every demo application's round
 * budgets (cause `created`), so the budget pages and history read what a live platform would have.
 */
export async function seedDemoBudgets(tx: Database) {
  await tx.insert(exchangeRates).values(demoExchangeRates()).onConflictDoNothing();
  const [round] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.title, `${DEMO_RADIO_HEALTH}: round 1`));
  if (round) {
    const [flow] = await tx.select({ round: planFlows.round }).from(planFlows).where(eq(planFlows.applicationId, round.id)).orderBy(asc(planFlows.round)).limit(1);
    const partners = await tx
      .select({ id: organisations.id, countryCode: organisations.countryCode })
      .from(organisations)
      .innerJoin(planFlows, and(eq(planFlows.applicationId, round.id), eq(planFlows.sendingOrganisationId, organisations.id)));
    const bolivia = partners.find((p) => p.countryCode === 'BO');
    const guatemala = partners.find((p) => p.countryCode === 'GT');
    const at = new Date('2025-10-01T09:00:00Z');
    if (flow && bolivia && guatemala) {
      await tx.insert(budgetOtherLines).values([
        { applicationId: round.id, round: flow.round, organisationId: bolivia.id, label: 'Recording equipment for the shared health programmes', amountMinor: 18_500_00, justification: 'Two portable recorders and microphones, so programmes made together in Cochabamba can be broadcast in Quetzaltenango.', createdAt: at, updatedAt: at },
        { applicationId: round.id, round: flow.round, organisationId: guatemala.id, label: 'Interpreting Mam and K’iche’', amountMinor: 12_000_00, justification: 'Interpreters for the first week of each visit, so the guests can work with Maya health promoters.', createdAt: new Date(at.getTime() + 1), updatedAt: new Date(at.getTime() + 1) },
      ]);
    }
  }
  const all = await tx.select({ id: applications.id }).from(applications).orderBy(asc(applications.id));
  const now = new Date();
  for (const a of all) await recordBudgetVersions(tx, { applicationId: a.id, cause: 'created', userId: null, now });
}
