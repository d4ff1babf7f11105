import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { isRecordId } from '../records/record-id.ts';
import { otherLineInput, type OtherLineInput } from './other-line-input.ts';

/** The acting person's user id, or null for the platform. */
export const userIdOf = (ctx: CoreContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

/** An other line as typed, every problem at once. */
export function parseLine(input: OtherLineInput) {
  return parseOrRefuse(otherLineInput, input);
}

/** The line, locked, if it belongs to the application (a guessed id is not found). */
export async function lockLine(tx: Database, applicationId: string, lineId: string) {
  if (!isRecordId(lineId)) throw new NotFoundError('otherLine');
  const [line] = await tx.select().from(budgetOtherLines).where(and(eq(budgetOtherLines.id, lineId), eq(budgetOtherLines.applicationId, applicationId))).for('update');
  if (!line) throw new NotFoundError('otherLine');
  return line;
}

/** The partner a line is on, read before the application is locked (to know whose coordinators may change it). */
export async function lineOwner(tx: Database, applicationId: string, lineId: string) {
  const [peek] = isRecordId(lineId) ? await tx.select({ organisationId: budgetOtherLines.organisationId }).from(budgetOtherLines).where(and(eq(budgetOtherLines.id, lineId), eq(budgetOtherLines.applicationId, applicationId))) : [];
  return peek?.organisationId ?? null;
}
