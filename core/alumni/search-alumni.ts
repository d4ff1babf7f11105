import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { alumniProfiles } from '../../db/schema/care.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { Actor } from '../identity/actor.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { text } from '../input/text.ts';
import { isCode } from '../reference/codelists.ts';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The directory's search: every filter optional. */
export const alumniFilter = z.object({
  /** ISO 3166-1 alpha-2 of the sending organisation's country (where the alumnus lives and works). */
  country: z.preprocess(blankToUndefined, text().trim().toUpperCase().refine((c) => isCode('Country', c), 'chooseCountry').optional()),
  /** Part of the profession, any case. */
  profession: z.preprocess(blankToUndefined, text().trim().max(100, 'tooLong').optional()),
  /** A programme's id. */
  programme: z.preprocess(blankToUndefined, z.uuid('chooseDirectoryProgramme').optional()),
  /** The year the placement ended. */
  year: z.preprocess(blankToUndefined, z.coerce.number({ message: 'chooseYear' }).int('chooseYear').min(1990, 'chooseYear').max(2100, 'chooseYear').optional()),
});
export type AlumniFilter = z.infer<typeof alumniFilter>;

/** Who may read the directory: alumni themselves, partner coordinators and agency staff. */
export async function mayReadAlumniDirectory(ctx: CoreContext, actor: Actor): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.agencyRoles.length > 0) return true;
  if (actor.memberships.some((m) => m.role === 'partner_coordinator')) return true;
  if (actor.participantIds.length === 0) return false;
  const [alumnus] = await ctx.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(inArray(participants.id, actor.participantIds), eq(participants.status, 'alumni')))
    .limit(1);
  return Boolean(alumnus);
}

/**
 * The alumni directory: alumni who chose to be listed, by name, with profession, short bio, programme, the
 * year they came home, their organisation's country, and the contact email only where they chose to show
 * it. At most 200 per search.
 */
export async function searchAlumni(ctx: CoreContext, filter: AlumniFilter = {}) {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!(await mayReadAlumniDirectory(ctx, ctx.actor))) throw new ForbiddenError('alumni:read');
  const endYear = sql<number>`extract(year from coalesce(${participants.actualEndsOn}, ${participants.endsOn}))::int`;
  const conditions: (SQL | undefined)[] = [
    eq(alumniProfiles.listed, true),
    eq(participants.status, 'alumni'),
    filter.country ? eq(organisations.countryCode, filter.country) : undefined,
    filter.profession ? ilike(alumniProfiles.profession, `%${filter.profession.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    filter.programme ? eq(partnerships.programmeId, filter.programme) : undefined,
    filter.year ? sql`${endYear} = ${filter.year}` : undefined,
  ];
  const rows = await ctx.db
    .select({
      participantId: participants.id,
      name: sql<string>`${participants.givenName} || ' ' || ${participants.familyName}`,
      profession: alumniProfiles.profession,
      bio: alumniProfiles.bio,
      contactEmail: alumniProfiles.contactEmail,
      showEmail: alumniProfiles.showEmail,
      country: organisations.countryCode,
      organisation: organisations.legalName,
      programmeId: programmes.id,
      programme: programmes.name,
      year: endYear,
    })
    .from(alumniProfiles)
    .innerJoin(participants, eq(participants.id, alumniProfiles.participantId))
    .innerJoin(organisations, eq(organisations.id, participants.homeOrganisationId))
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(and(...conditions))
    .orderBy(asc(participants.familyName), asc(participants.givenName), asc(participants.id))
    .limit(200);
  return rows.map(({ contactEmail, showEmail, ...r }) => ({ ...r, contactEmail: showEmail && contactEmail ? contactEmail : null }));
}

/** The programmes to choose from in the directory's filter. */
export async function alumniProgrammes(ctx: CoreContext) {
  return ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name));
}
