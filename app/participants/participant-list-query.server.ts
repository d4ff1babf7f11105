import { participantFilter } from '../../core/participants/list-participants.ts';
import { participantListFields, type ParticipantListRaw } from './participant-list-filters.ts';

export { filtersQuery, participantListFields, type ParticipantListRaw } from './participant-list-filters.ts';

/** The filters as typed (to show them again) and as checked (to query with, or the problems). */
export function readParticipantListQuery(url: URL) {
  const raw = Object.fromEntries(participantListFields.map((f) => [f, url.searchParams.get(f) ?? ''])) as ParticipantListRaw;
  const parsed = participantFilter.safeParse({ ...raw, after: url.searchParams.get('after') ?? undefined });
  return { raw, parsed };
}
