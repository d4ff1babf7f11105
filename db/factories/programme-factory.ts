import type { Database } from '../database.ts';
import { programmes } from '../schema/programmes.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;

export async function createProgramme(
  db: Database,
  overrides: Partial<typeof programmes.$inferInsert> = {},
  seq: Sequence = defaultSequence,
): Promise<ProgrammeRow> {
  const n = seq.count();
  const [row] = await db
    .insert(programmes)
    .values({
      code: `professional-${n}-${Math.floor(seq.next() * 1e9)}`,
      name: 'Professional',
      minAge: 22,
      maxAge: 35,
      stayMonths: [6, 12, 18],
      allowedShapes: ['north_south', 'south_south', 'triangular'],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('programme insert returned nothing');
  return row;
}
