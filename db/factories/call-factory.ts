import type { Database } from '../database.ts';
import { callCriteria, calls } from '../schema/calls.ts';
import { fundCall } from './ledger-factory.ts';
import { createProgramme } from './programme-factory.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type CallRow = typeof calls.$inferSelect;
export type CriterionRow = typeof callCriteria.$inferSelect;

export interface CallOverrides extends Partial<typeof calls.$inferInsert> {
  /** Name and weight per criterion; defaults to three weighted criteria. */
  criteria?: { name: string; weight: number }[];
  /** Money allocated to the call in the ledger (minor units): its whole ceiling unless said otherwise; 0 for none. */
  fundedMinor?: number;
}

/** An open call (opened a month ago, deadline in a year) with scoring criteria, funded up to its ceiling. */
export async function createCall(db: Database, { criteria, fundedMinor, ...overrides }: CallOverrides = {}, seq: Sequence = defaultSequence) {
  const programmeId = overrides.programmeId ?? (await createProgramme(db, {}, seq)).id;
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const [row] = await db
    .insert(calls)
    .values({
      title: `Call ${seq.count()}: collaboration agreements`,
      opensOn: iso(new Date(today.getTime() - 30 * 86_400_000)),
      deadline: iso(new Date(today.getTime() + 365 * 86_400_000)),
      budgetCeilingMinor: 30_000_000_00,
      currency: 'NOK',
      priorities: ['Climate adaptation', 'Health workforce'],
      stage: 'agreement',
      ...overrides,
      programmeId,
    })
    .returning();
  if (!row) throw new Error('call insert returned nothing');
  const given = criteria ?? [
    { name: 'Relevance to the call’s priorities', weight: 40 },
    { name: 'Reciprocity and mutual learning', weight: 35 },
    { name: 'Feasibility and duty of care', weight: 25 },
  ];
  const criterionRows: CriterionRow[] = given.length
    ? await db
        .insert(callCriteria)
        .values(given.map((c, position) => ({ callId: row.id, name: c.name, weight: c.weight, position })))
        .returning()
    : [];
  const funds = fundedMinor ?? row.budgetCeilingMinor;
  if (funds > 0) await fundCall(db, row, funds);
  return { ...row, criteria: criterionRows };
}
