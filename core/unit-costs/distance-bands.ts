import type { Database } from '../../db/database.ts';
import type { DistanceBand } from '../../db/schema/unit-costs.ts';
import { distancesBetweenOrganisations } from '../geography/distance-between-organisations.ts';

/** A flow of an exchange plan as a distance lookup needs it: who sends, who hosts, and their countries. */
export interface BandFlow {
  id: string;
  sendingOrganisationId: string;
  hostOrganisationId: string;
  sendingCountryCode: string;
  hostCountryCode: string;
}

/**
 * Finds the distance band of each flow (by the flow's id), null where the distance is not known. Passed
 * in to the use-cases that compute budgets, so the distances can come from wherever they are kept.
 */
export type BandsFor = (flows: readonly BandFlow[]) => Promise<Map<string, DistanceBand | null>>;

/**
 * The distance lookup the pages and the API use: the great-circle distance between the sending and the
 * host organisation's matched places (core/geography), null where either has no matched city, so a
 * travel line says it lacks its distance rather than take a guessed amount. One query for all flows.
 */
export function organisationDistanceBands(db: Database): BandsFor {
  return async (flows) => {
    const distances = await distancesBetweenOrganisations(
      db,
      flows.map((f) => ({ homeOrganisationId: f.sendingOrganisationId, hostOrganisationId: f.hostOrganisationId })),
    );
    return new Map(flows.map((f, i) => [f.id, distances[i]?.band ?? null]));
  };
}
