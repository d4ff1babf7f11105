import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { eligibilityExceptions, participants } from '../../db/schema/participants.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { checkEligibility, type EligibilityProblem, type EligibilityWarning } from './check-eligibility.ts';
import type { ParticipantRow } from './participant-record.ts';
import { participantScope, withinScope } from './participant-scope.ts';

export interface EligibilityException {
  problem: EligibilityProblem['code'];
  reason: string;
  grantedBy: string | null;
  grantedAt: Date;
}

export interface ParticipantEligibility {
  /** Every problem, each with the adviser's exception when one was granted. */
  problems: (EligibilityProblem & { exception: EligibilityException | null })[];
  warnings: EligibilityWarning[];
  /** True when every problem has an exception (or there is none): approval is not held back by eligibility. */
  passes: boolean;
}

/** The exceptions granted for these participants, oldest first: read with the participant wherever it is shown. */
export async function exceptionsOf(db: Database, participantIds: string[]): Promise<(EligibilityException & { participantId: string })[]> {
  if (participantIds.length === 0) return [];
  return db
    .select({
      participantId: eligibilityExceptions.participantId,
      problem: eligibilityExceptions.problem,
      reason: eligibilityExceptions.reason,
      grantedBy: eligibilityExceptions.grantedBy,
      grantedAt: eligibilityExceptions.grantedAt,
    })
    .from(eligibilityExceptions)
    .where(inArray(eligibilityExceptions.participantId, participantIds))
    .orderBy(asc(eligibilityExceptions.grantedAt), asc(eligibilityExceptions.problem));
}

/**
 * Gathers the facts the eligibility rules need (check-eligibility.ts) and checks them: the programme's
 * ages and stay lengths, the round's period, the sending organisation's country, and other placements
 * of possibly the same person anywhere on the platform (the rules see only their dates, and the result
 * names none of them). Runs inside the caller's transaction.
 */
export async function assessEligibility(db: Database, row: ParticipantRow): Promise<ParticipantEligibility> {
  const [context] = await db
    .select({ minAge: programmes.minAge, maxAge: programmes.maxAge, stayMonths: programmes.stayMonths, sendingCountry: organisations.countryCode })
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .innerJoin(organisations, eq(organisations.id, row.homeOrganisationId))
    .where(eq(partnerships.id, row.partnershipId));
  const [round] = row.stageId
    ? await db.select({ startsOn: partnershipStages.startsOn, endsOn: partnershipStages.endsOn }).from(partnershipStages).where(eq(partnershipStages.id, row.stageId))
    : [];
  const sameEmail = row.email ? sql`lower(${participants.email}) = ${row.email.toLowerCase()}` : undefined;
  const others = await db
    .select({
      id: participants.id,
      givenName: participants.givenName,
      familyName: participants.familyName,
      birthDate: participants.birthDate,
      email: participants.email,
      startsOn: sql<string>`coalesce(${participants.actualStartsOn}, ${participants.startsOn})::text`,
      endsOn: sql<string>`coalesce(${participants.actualEndsOn}, ${participants.endsOn})::text`,
    })
    .from(participants)
    .where(and(ne(participants.id, row.id), ne(participants.status, 'withdrawn'), or(eq(participants.birthDate, row.birthDate), sameEmail)));
  const { problems, warnings } = checkEligibility({
    person: {
      givenName: row.givenName,
      familyName: row.familyName,
      birthDate: row.birthDate,
      email: row.email,
      residenceCountry: row.residenceCountry,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    },
    programme: { minAge: context!.minAge, maxAge: context!.maxAge, stayMonths: context!.stayMonths },
    round: round ?? null,
    sendingCountry: context!.sendingCountry,
    others,
  });
  const granted = await exceptionsOf(db, [row.id]);
  const withExceptions = problems.map((p) => {
    const found = granted.find((e) => e.problem === p.code);
    return { ...p, exception: found ? { problem: found.problem, reason: found.reason, grantedBy: found.grantedBy, grantedAt: found.grantedAt } : null };
  });
  return { problems: withExceptions, warnings, passes: withExceptions.every((p) => p.exception !== null) };
}

/** A participant's eligibility, for whoever may see the participant (participant-scope.ts); "not found" otherwise. */
export async function getParticipantEligibility(ctx: CoreContext, { participantId: id }: { participantId: string }): Promise<ParticipantEligibility> {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(id)) throw new NotFoundError('participant');
  const [row] = await ctx.db.select().from(participants).where(withinScope(participantScope(ctx.actor), eq(participants.id, id)));
  if (!row) throw new NotFoundError('participant');
  return assessEligibility(ctx.db, row);
}
