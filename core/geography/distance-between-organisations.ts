import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { isRecordId } from '../records/record-id.ts';
import { distanceBand, wholeKilometres, type DistanceBandCode } from './distance-band.ts';
import { greatCircleDistance, type Coordinates } from './great-circle-distance.ts';

/** How far apart two organisations' places are: whole kilometres over the great circle, and the band that puts them in. */
export interface OrganisationDistance {
  km: number;
  band: DistanceBandCode;
}

export interface OrganisationPair {
  homeOrganisationId: string;
  hostOrganisationId: string;
}

/**
 * The distance between the places of each pair of organisations (a round's flows: home → host), with
 * one query for them all, in the order given. A pair is `null`, unknown, when either organisation has
 * no matched city (or is not an organisation at all): the caller says so rather than guess.
 */
export async function distancesBetweenOrganisations(db: Database, pairs: readonly OrganisationPair[]): Promise<(OrganisationDistance | null)[]> {
  const ids = [...new Set(pairs.flatMap((p) => [p.homeOrganisationId, p.hostOrganisationId]).map((id) => id.toLowerCase()))].filter(isRecordId);
  const rows = ids.length
    ? await db.select({ id: organisations.id, latitude: organisations.latitude, longitude: organisations.longitude }).from(organisations).where(inArray(organisations.id, ids))
    : [];
  const places = new Map<string, Coordinates>();
  for (const { id, latitude, longitude } of rows) if (latitude !== null && longitude !== null) places.set(id, { latitude, longitude });
  return pairs.map(({ homeOrganisationId, hostOrganisationId }) => {
    const home = places.get(homeOrganisationId.toLowerCase());
    const host = places.get(hostOrganisationId.toLowerCase());
    if (!home || !host) return null;
    const km = wholeKilometres(greatCircleDistance(home, host));
    return { km, band: distanceBand(km) };
  });
}

/** The distance between two organisations' places, or `null` when either has no matched city. */
export async function distanceBetweenOrganisations(db: Database, homeOrganisationId: string, hostOrganisationId: string): Promise<OrganisationDistance | null> {
  const [distance] = await distancesBetweenOrganisations(db, [{ homeOrganisationId, hostOrganisationId }]);
  return distance ?? null;
}
