import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { listOrganisationCountries } from '../organisations/list-organisation-countries.ts';
import { listProgrammeNames } from '../programmes/list-programme-names.ts';
import { isRecordId } from '../records/record-id.ts';
import { participantScope, withinScope } from './participant-scope.ts';

/**
 * The choices of the participant list's filters: programmes, the countries organisations are in, the
 * years, and, when the list is narrowed to one partnership, that partnership's title and rounds. The
 * partnership is only named when the actor sees at least one of its participants, so a guessed id
 * tells nothing.
 */
export async function participantFilterChoices(ctx: CoreContext, { partnershipId, thisYear }: { partnershipId?: string; thisYear: number }) {
  const [programmeRows, countries, partnership] = await Promise.all([
    listProgrammeNames(ctx).then((rows) => rows.map(({ code, name }) => ({ code, name }))),
    listOrganisationCountries(ctx),
    partnershipId && isRecordId(partnershipId) ? visiblePartnership(ctx, partnershipId) : Promise.resolve(null),
  ]);
  const years: number[] = [];
  for (let y = thisYear + 2; y >= 2001; y--) years.push(y);
  return { programmes: programmeRows, countries, years, partnership };
}

async function visiblePartnership(ctx: CoreContext, partnershipId: string) {
  const scope = ctx.actor.kind === 'visitor' ? null : participantScope(ctx.actor);
  const [row] = await ctx.db
    .select({ id: partnerships.id, title: partnerships.title })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.id, partnershipId),
        exists(ctx.db.select({ one: sql`1` }).from(participants).where(withinScope(scope, eq(participants.partnershipId, partnerships.id)))),
      ),
    );
  if (!row) return null;
  const rounds = await ctx.db
    .select({ id: partnershipStages.id, roundNumber: partnershipStages.roundNumber })
    .from(partnershipStages)
    .where(and(eq(partnershipStages.partnershipId, partnershipId), eq(partnershipStages.kind, 'round')))
    .orderBy(asc(partnershipStages.roundNumber));
  return { ...row, rounds };
}
