import type { DistanceBand } from '../../db/schema/unit-costs.ts';

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
 * The distance lookup the pages and the API use until organisations' places are measured
 * (core/geography, written beside this work; to be plugged in here when merged): every distance is
 * unknown, so travel lines are shown as lacking their distance rather than given a guessed amount.
 */
export const unknownDistances: BandsFor = async (flows) => new Map(flows.map((f) => [f.id, null]));
