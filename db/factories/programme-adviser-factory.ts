import type { Database } from '../database.ts';
import { programmeAdvisers } from '../schema/access.ts';

/** Makes a programme adviser follow a programme. */
export async function assignAdviser(db: Database, userId: string, programmeId: string) {
  await db.insert(programmeAdvisers).values({ userId, programmeId }).onConflictDoNothing();
}
