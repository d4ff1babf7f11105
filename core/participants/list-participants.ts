import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { programmeAdvisers } from '../../db/schema/access.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { PARTICIPANT_STATUSES, participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { text } from '../input/text.ts';
import { cappedTotal, LIST_TOTAL_CAP } from '../pagination/list-total-cap.ts';
import { decodeCursor, encodeCursor } from '../pagination/keyset-cursor.ts';
import { uuidPattern } from '../records/record-id.ts';
import { exceptionsOf } from './get-participant-eligibility.ts';
import { participantScope, withinScope } from './participant-scope.ts';

export const PARTICIPANT_PAGE_SIZE = 25;
export const PARTICIPANT_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
/** Age on the planned start, in whole years (`participants.age_at_start`). */
export const AGE_BANDS = ['up-to-25', '26-30', '31-35', '36-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The youngest and oldest age of each band; null: open on that side. */
const ageRange: Record<AgeBand, [number | null, number | null]> = { 'up-to-25': [null, 25], '26-30': [26, 30], '31-35': [31, 35], '36-plus': [36, null] };
/** The years of planned starts the list can be filtered by. */
export const FIRST_YEAR = 2001;
export const LAST_YEAR = 2035;

const empty = z.literal('').transform(() => undefined);
const country = text().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'chooseCountry').optional().or(empty);

export const participantFilter = z.object({
  /** The beginning of the given or the family name, any case; several words in any order ("thapa ram"): nameSearch. */
  q: text().trim().max(100, 'tooLong').optional(),
  programme: text().trim().max(60, 'tooLong').optional().or(empty),
  partnership: text().regex(uuidPattern, 'invalid').optional().or(empty),
  /** A round: the `partnership_stages` row the person was nominated in. */
  round: text().regex(uuidPattern, 'invalid').optional().or(empty),
  homeCountry: country,
  hostCountry: country,
  status: z.enum(PARTICIPANT_STATUSES, { message: 'chooseStatus' }).optional().or(empty),
  /** The year the stay starts (as planned). */
  year: text()
    .regex(/^\d{4}$/, 'invalid')
    .refine((y) => Number(y) >= FIRST_YEAR && Number(y) <= LAST_YEAR, 'invalid')
    .optional()
    .or(empty),
  gender: z.enum(PARTICIPANT_GENDERS, { message: 'chooseGender' }).optional().or(empty),
  age: z.enum(AGE_BANDS, { message: 'invalid' }).optional().or(empty),
  after: text().max(400).optional(),
});
export type ParticipantFilter = z.infer<typeof participantFilter>;

const home = alias(organisations, 'home');
const host = alias(organisations, 'host');

/**
 * What a list query names as values (resolveFilterValues): the programme of the programme filter (null: no
 * programme has that code) and the programmes an adviser follows.
 */
export interface ResolvedFilterValues {
  programme?: string | null;
  advised?: string[];
}

/**
 * Reads the programme filter's id and the programmes an adviser follows, in one statement, so that the
 * list's query names them as values. The planner then knows the programme's ages (a band outside them
 * matches no one: extended statistics participants_programme_age_stats), where a subquery left it guessing
 * (decision 018, addendum 2026-11-29). The countries need no look-up: they are copied onto the participant
 * row (decision 018, third addendum). No statement when there is neither.
 */
export async function resolveFilterValues(ctx: CoreContext, filter: ParticipantFilter): Promise<ResolvedFilterValues> {
  const actor = ctx.actor;
  const adviser = actor.kind === 'user' && actor.agencyRoles.includes('programme_adviser') && !actor.agencyRoles.includes('administrator') ? actor.userId : null;
  const lookups = [
    filter.programme ? sql`(select 'programme' as kind, ${programmes.id} as id from ${programmes} where ${programmes.code} = ${filter.programme})` : undefined,
    adviser ? sql`(select 'advised' as kind, ${programmeAdvisers.programmeId} as id from ${programmeAdvisers} where ${programmeAdvisers.userId} = ${adviser})` : undefined,
  ].filter((l) => l !== undefined);
  if (lookups.length === 0) return {};
  const result = (await ctx.db.execute(sql.join(lookups, sql` union all `))) as unknown as { rows: { kind: 'programme' | 'advised'; id: string }[] };
  return {
    ...(filter.programme ? { programme: result.rows.find((r) => r.kind === 'programme')?.id ?? null } : {}),
    ...(adviser ? { advised: result.rows.filter((r) => r.kind === 'advised').map((r) => r.id) } : {}),
  };
}

/**
 * The scope and the filters but the name search (nameSearch) as one where-clause; `false` when the actor
 * sees no one. Throws for visitors and roles without participants. Every filter is a column of the row, so
 * the list can walk a (filter, family_name, given_name, id) index in its own order (migration
 * participant_list_speed): the programme and the year have one each, like the status, and so have the home
 * and the host country (copies on the row). `resolved`: the programmes as values (resolveFilterValues);
 * without it, subqueries read them (the same rows, a worse plan).
 */
export function participantConditions(ctx: CoreContext, filter: ParticipantFilter, resolved: ResolvedFilterValues = {}): SQL | undefined {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  const scope = participantScope(actor, resolved.advised);
  if (scope === null) throw new ForbiddenError('participant:read');
  const where: (SQL | undefined)[] = [];
  // An equality the planner can walk participants_programme_name_idx by; a scalar subquery (codes are unique) if not resolved.
  if (filter.programme) {
    if (resolved.programme === undefined) where.push(sql`${participants.programmeId} = (select ${programmes.id} from ${programmes} where ${programmes.code} = ${filter.programme})`);
    else where.push(resolved.programme === null ? sql`false` : eq(participants.programmeId, resolved.programme));
  }
  if (filter.partnership) where.push(eq(participants.partnershipId, filter.partnership));
  if (filter.round) where.push(eq(participants.stageId, filter.round));
  // The organisations' countries as copied onto the row (trigger participants_countries, decision 018's third
  // addendum): participants_home_country_name_idx and participants_host_country_name_idx walk a country in
  // name order, participants_programme_year_gender_home_idx a programme's year, gender and home country.
  if (filter.homeCountry) where.push(eq(participants.homeCountryCode, filter.homeCountry));
  if (filter.hostCountry) where.push(eq(participants.hostCountryCode, filter.hostCountry));
  if (filter.status) where.push(eq(participants.status, filter.status));
  // The same expression as participants_year_name_idx.
  if (filter.year) where.push(sql`extract(year from ${participants.startsOn}) = ${Number(filter.year)}`);
  if (filter.gender) where.push(eq(participants.gender, filter.gender));
  // The stored age on the planned start (a generated column): participants_age_idx counts a band
  // index-only, participants_status_gender_year_age_idx finds a rare status + gender + year + age directly.
  if (filter.age) {
    const [from, to] = ageRange[filter.age];
    if (from !== null) where.push(gte(participants.ageAtStart, from));
    if (to !== null) where.push(lte(participants.ageAtStart, to));
  }
  return withinScope(scope, ...where);
}

/** A word that begins more names than this (one letter, say) is matched by its prefix on every row instead. */
const NAMES_PER_WORD = 500;

/**
 * The name search: every word of `q` must be the beginning of the given or the family name, any case, in
 * any order ("shre", "Thapa Ramesh", "ramesh thapa", "tha ram"). Each word is first resolved to the names
 * that begin with it, an index-only look-up (participants_family_prefix_idx, participants_given_prefix_idx,
 * all participants: only the names, never shown); the list then asks for exactly those names, which
 * participants_name_idx reads in list order, instead of finding every match by trigram and sorting them all.
 * Undefined for no words; `false` when a word begins no name.
 */
export async function nameSearch(ctx: CoreContext, q: string | undefined): Promise<SQL | undefined> {
  const words = [...new Set((q ?? '').toLowerCase().split(/\s+/).filter(Boolean))];
  if (words.length === 0) return undefined;
  const patterns = words.map((word) => `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const names = await namesBeginning(ctx, patterns);
  return and(
    ...patterns.map((pattern, i) => {
      const families = names.filter((n) => n.word === i && n.kind === 'family').map((n) => n.name);
      const givens = names.filter((n) => n.word === i && n.kind === 'given').map((n) => n.name);
      if (families.length > NAMES_PER_WORD || givens.length > NAMES_PER_WORD) {
        return or(sql`lower(${participants.familyName}) like lower(${pattern})`, sql`lower(${participants.givenName}) like lower(${pattern})`);
      }
      const either = [families.length ? inArray(participants.familyName, families) : undefined, givens.length ? inArray(participants.givenName, givens) : undefined].filter((c) => c !== undefined);
      return either.length === 0 ? sql`false` : either.length === 1 ? either[0] : or(...either);
    }),
  );
}

/**
 * For each LIKE prefix, the distinct family and given names whose lower case begins with it, one past
 * NAMES_PER_WORD at most of each: one statement for every word (each a round trip less on a busy server).
 * Each is a skip scan of the (lower(name) text_pattern_ops, name) index (participants_family_prefix_idx,
 * participants_given_prefix_idx): from one name, the next is the same lower case with a greater name, else
 * the next lower case (`~>~`, the index's own order) that still begins with the prefix; two index descents
 * per distinct name, however many people bear it. `select distinct` read every entry of the prefix: at a
 * million, the 8,551 Thapas (2 ms) to find one name, every S (69 ms) to find six.
 */
async function namesBeginning(ctx: CoreContext, patterns: string[]): Promise<{ word: number; kind: 'family' | 'given'; name: string }[]> {
  const lookups = patterns.flatMap((pattern, i) =>
    ([['family', participants.familyName], ['given', participants.givenName]] as const).map(([kind, column]) => {
      const lowered = sql`lower(${column})`;
      const inOrder = sql`order by ${lowered} using ~<~, ${column} limit 1`;
      return sql`(with recursive n(l, name) as (
        (select ${lowered}, ${column} from ${participants} where ${lowered} like lower(${pattern}) ${inOrder})
        union all
        select next.l, next.name from n cross join lateral (
          (select ${lowered} as l, ${column} as name from ${participants} where ${lowered} = n.l and ${column} > n.name ${inOrder})
          union all
          (select ${lowered}, ${column} from ${participants} where ${lowered} like lower(${pattern}) and ${lowered} ~>~ n.l ${inOrder})
          limit 1
        ) next
      ) select ${sql.raw(String(i))} as word, ${sql.raw(`'${kind}'`)} as kind, name from n limit ${sql.raw(String(NAMES_PER_WORD + 1))})`;
    }),
  );
  const result = (await ctx.db.execute(sql.join(lookups, sql` union all `))) as unknown as { rows: { word: number; kind: 'family' | 'given'; name: string }[] };
  return result.rows;
}

/** The keyset cursor of a participant list: the family and given name and the id of the last row. */
function decodeNameCursor(after: string | undefined): [string, string, string] | null {
  const cursor = decodeCursor(after);
  if (!cursor) return null;
  let names: unknown;
  try {
    names = JSON.parse(cursor[0]);
  } catch {
    names = null;
  }
  if (!Array.isArray(names) || names.length !== 2 || typeof names[0] !== 'string' || typeof names[1] !== 'string') throw new DomainError('invalidCursor', { field: 'after' });
  return [names[0], names[1], cursor[1]];
}

const nameCursor = (row: { familyName: string; givenName: string; id: string }) => encodeCursor(JSON.stringify([row.familyName, row.givenName]), row.id);

/** Rows after the cursor in (family name, given name, id) order: a row comparison the index participants_name_idx answers. */
function afterCursor(cursor: [string, string, string] | null): SQL | undefined {
  return cursor ? sql`(${participants.familyName}, ${participants.givenName}, ${participants.id}) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}::uuid)` : undefined;
}

/** The participant's own columns of a list row; the names of its organisations, partnership, programme and round are added to them. */
const ownColumns = {
  id: participants.id,
  givenName: participants.givenName,
  familyName: participants.familyName,
  gender: participants.gender,
  birthDate: participants.birthDate,
  status: participants.status,
  hostDecision: participants.hostDecision,
  overPlan: participants.overPlan,
  partnershipId: participants.partnershipId,
  startsOn: participants.startsOn,
  endsOn: participants.endsOn,
  actualStartsOn: participants.actualStartsOn,
  actualEndsOn: participants.actualEndsOn,
};

const listOrder = [asc(participants.familyName), asc(participants.givenName), asc(participants.id)];

/**
 * One keyset batch of rows in list order, joined to the names (a CSV batch of a thousand: the planner
 * chooses how).
 */
async function selectBatch(ctx: CoreContext, where: SQL | undefined, cursor: [string, string, string] | null, limit: number) {
  return ctx.db
    .select({
      ...ownColumns,
      partnershipTitle: partnerships.title,
      programmeCode: programmes.code,
      programmeName: programmes.name,
      roundNumber: partnershipStages.roundNumber,
      homeOrganisation: home.legalName,
      homeCountry: home.countryCode,
      hostOrganisation: host.legalName,
      hostCountry: host.countryCode,
    })
    .from(participants)
    .innerJoin(home, eq(home.id, participants.homeOrganisationId))
    .innerJoin(host, eq(host.id, participants.hostOrganisationId))
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .leftJoin(partnershipStages, eq(partnershipStages.id, participants.stageId))
    .where(and(where, afterCursor(cursor)))
    .orderBy(...listOrder)
    .limit(limit);
}

/**
 * One page of the list: its ids first, on the participants table alone, then their columns and names.
 * - The ids can come from an index-only walk (the year indexes include the filtered columns), where a walk
 *   fetching every row to test it read ten times the buffers (programme + home country + year + gender at a
 *   million).
 * - They are an array (`id = any(array(…))`), planned on its own; a semi-join (`id in (…)`) was pulled into
 *   the page's join and searched among its join orders.
 * - Each name is a lateral look-up by primary key, fenced by `limit 1` so that the planner keeps it apart:
 *   as a join of six tables the page took 2–6 ms to plan (the join orders, and for merge joins the ends of
 *   the participants' id indexes, read at planning time: more at a million), the look-ups 0.3 ms; the same
 *   few hundred buffers either way (decision 018, second addendum).
 */
async function selectPage(ctx: CoreContext, where: SQL | undefined, cursor: [string, string, string] | null, limit: number) {
  const ids = ctx.db.select({ id: participants.id }).from(participants).where(and(where, afterCursor(cursor))).orderBy(...listOrder).limit(limit);
  const organisation = (alias: 'home' | 'host', id: typeof participants.homeOrganisationId | typeof participants.hostOrganisationId) =>
    ctx.db.select({ legalName: organisations.legalName, countryCode: organisations.countryCode }).from(organisations).where(eq(organisations.id, id)).limit(1).as(alias);
  const homeName = organisation('home', participants.homeOrganisationId);
  const hostName = organisation('host', participants.hostOrganisationId);
  const partnership = ctx.db
    .select({ title: partnerships.title, code: programmes.code, name: programmes.name })
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(eq(partnerships.id, participants.partnershipId))
    .limit(1)
    .as('partnership');
  const round = ctx.db.select({ roundNumber: partnershipStages.roundNumber }).from(partnershipStages).where(eq(partnershipStages.id, participants.stageId)).limit(1).as('round');
  return ctx.db
    .select({
      ...ownColumns,
      partnershipTitle: partnership.title,
      programmeCode: partnership.code,
      programmeName: partnership.name,
      roundNumber: round.roundNumber,
      homeOrganisation: homeName.legalName,
      homeCountry: homeName.countryCode,
      hostOrganisation: hostName.legalName,
      hostCountry: hostName.countryCode,
    })
    .from(participants)
    .innerJoinLateral(homeName, sql`true`)
    .innerJoinLateral(hostName, sql`true`)
    .innerJoinLateral(partnership, sql`true`)
    .leftJoinLateral(round, sql`true`)
    .where(sql`${participants.id} = any(array${ids})`)
    .orderBy(...listOrder)
    .limit(limit);
}

/**
 * The participants the actor may see (participant-scope.ts), filtered, by family then given name, in
 * keyset pages; each with the eligibility exceptions granted. `total` is exact up to
 * LIST_TOTAL_CAP; above it `totalCapped` is true and `total` is the cap.
 */
export async function listParticipants(ctx: CoreContext, filter: ParticipantFilter = {}, { pageSize = PARTICIPANT_PAGE_SIZE }: { pageSize?: number } = {}) {
  participantConditions(ctx, filter); // refuses visitors and roles without participants before anything is read
  const cursor = decodeNameCursor(filter.after);
  const [resolved, names] = await Promise.all([resolveFilterValues(ctx, filter), nameSearch(ctx, filter.q)]);
  const where = and(participantConditions(ctx, filter, resolved), names);
  const size = Math.min(Math.max(pageSize, 1), 500);
  const [rows, total] = await Promise.all([selectPage(ctx, where, cursor, size + 1), countCapped(ctx, where)]);
  const page = rows.slice(0, size);
  const exceptions = await exceptionsOf(ctx.db, page.map((r) => r.id));
  const items = page.map((r) => ({ ...r, eligibilityExceptions: exceptions.filter((e) => e.participantId === r.id).map(({ participantId: _, ...e }) => e) }));
  const last = page.at(-1);
  return { items, ...cappedTotal(total), next: rows.length > size && last ? nameCursor(last) : null };
}

/** Counts matches, stopping one past the cap. */
async function countCapped(ctx: CoreContext, where: SQL | undefined): Promise<number> {
  const limited = ctx.db.select({ one: sql`1` }).from(participants).where(where).limit(LIST_TOTAL_CAP + 1).as('limited');
  const [row] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(limited);
  return row?.total ?? 0;
}

export type ParticipantListRow = Awaited<ReturnType<typeof selectBatch>>[number];

/**
 * Every participant the list would show, in keyset batches of `batchSize`: never the whole result in
 * memory, whatever its size. The scope, the filters and the cursor are checked here, before any batch
 * is read, so a caller can refuse before it starts answering.
 */
export function participantBatches(ctx: CoreContext, filter: ParticipantFilter, { batchSize = 1000 }: { batchSize?: number } = {}): AsyncGenerator<ParticipantListRow[]> {
  participantConditions(ctx, filter);
  const first = decodeNameCursor(filter.after);
  return (async function* () {
    const [resolved, names] = await Promise.all([resolveFilterValues(ctx, filter), nameSearch(ctx, filter.q)]);
    const where = and(participantConditions(ctx, filter, resolved), names);
    let cursor = first;
    for (;;) {
      const rows = await selectBatch(ctx, where, cursor, batchSize);
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) return;
      cursor = [last.familyName, last.givenName, last.id];
    }
  })();
}
