import { eq } from 'drizzle-orm';
import { osloDate } from '../../core/partnerships/check-deadline.ts';
import type { Database } from '../database.ts';
import { createCall } from '../factories/call-factory.ts';
import type { ProgrammeRow } from '../factories/programme-factory.ts';
import type { Sequence } from '../factories/sequence.ts';
import type { CallStage } from '../schema/calls.ts';
import { programmes } from '../schema/programmes.ts';

/** The documents checklist every demo programme starts with (docs/architecture.md#documents). */
const baseDocuments = ['Signed contract', 'Insurance', 'Visa / work permit', 'Police certificate', 'Health certificate', 'Emergency contacts'];
const extraDocuments: Record<string, string[]> = { health: ['Professional registration (nursing or medical licence)'] };

interface DemoCall {
  title: string;
  programme: 'professional' | 'volunteer-youth' | 'health';
  stage: CallStage;
  /** Days from the seed day (negative: before it), so the demo's open calls are open whenever it starts. */
  opens: number;
  closes: number;
  ceilingNok: number;
  priorities: string[];
  criteria: { name: string; weight: number }[];
}

const demoCalls: DemoCall[] = [
  {
    // tests/e2e journeys apply to this call by its title: keep it open and keep the title.
    title: 'Health 2027: collaboration agreements', programme: 'health', stage: 'agreement', opens: -60, closes: 120, ceilingNok: 30_000_000,
    priorities: ['Maternal and newborn health', 'Nursing education'],
    criteria: [{ name: 'Relevance', weight: 40 }, { name: 'Reciprocity and mutual learning', weight: 35 }, { name: 'Feasibility and duty of care', weight: 25 }],
  },
  {
    title: 'Professional 2027: feasibility studies', programme: 'professional', stage: 'feasibility', opens: -30, closes: 90, ceilingNok: 2_000_000,
    priorities: ['Green business', 'Climate adaptation'],
    criteria: [{ name: 'Relevance', weight: 50 }, { name: 'Potential of the partnership', weight: 50 }],
  },
  {
    title: 'Professional 2027: exchange rounds', programme: 'professional', stage: 'round', opens: -45, closes: 60, ceilingNok: 12_000_000,
    priorities: ['Education', 'Good governance and free media'],
    criteria: [{ name: 'Quality of the exchange plan', weight: 40 }, { name: 'Learning at home and abroad', weight: 30 }, { name: 'Value for money', weight: 30 }],
  },
  {
    title: 'Volunteer/Youth 2026: collaboration agreements', programme: 'volunteer-youth', stage: 'agreement', opens: -320, closes: -200, ceilingNok: 8_000_000,
    priorities: ['Youth participation in local democracy', 'Climate action'],
    criteria: [{ name: 'Relevance', weight: 40 }, { name: 'Youth participation', weight: 35 }, { name: 'Feasibility and duty of care', weight: 25 }],
  },
  {
    title: 'Health 2028: feasibility studies', programme: 'health', stage: 'feasibility', opens: 30, closes: 150, ceilingNok: 1_500_000,
    priorities: ['Community health workers'],
    criteria: [{ name: 'Relevance', weight: 60 }, { name: 'Potential of the partnership', weight: 40 }],
  },
];

/** `days` after (or before) an Oslo calendar date, as YYYY-MM-DD. */
function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The demo programmes' documents checklists and five calls: three open, one closed, one upcoming. */
export async function seedDemoCalls(tx: Database, programmesByCode: Map<string, ProgrammeRow>, seq: Sequence, today = osloDate(new Date())) {
  for (const [code, programme] of programmesByCode) {
    await tx.update(programmes).set({ documents: [...baseDocuments, ...(extraDocuments[code] ?? [])] }).where(eq(programmes.id, programme.id));
  }
  for (const call of demoCalls) {
    await createCall(
      tx,
      {
        fundedMinor: 0,
        programmeId: programmesByCode.get(call.programme)!.id,
        title: call.title,
        stage: call.stage,
        opensOn: addDays(today, call.opens),
        deadline: addDays(today, call.closes),
        budgetCeilingMinor: call.ceilingNok * 100,
        currency: 'NOK',
        priorities: call.priorities,
        criteria: call.criteria,
      },
      seq,
    );
  }
}
