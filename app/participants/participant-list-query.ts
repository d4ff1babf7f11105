import { participantFilter } from '../../core/participants/list-participants.ts';

/** The participant list's filters, as they travel in the page's and the CSV link's query string. */
export const participantListFields = ['q', 'programme', 'partnership', 'round', 'homeCountry', 'hostCountry', 'status', 'year', 'gender', 'age'] as const;
export type ParticipantListRaw = Record<(typeof participantListFields)[number], string>;

/** The filters as typed (to show them again) and as checked (to query with, or the problems). */
export function readParticipantListQuery(url: URL) {
  const raw = Object.fromEntries(participantListFields.map((f) => [f, url.searchParams.get(f) ?? ''])) as ParticipantListRaw;
  const parsed = participantFilter.safeParse({ ...raw, after: url.searchParams.get('after') ?? undefined });
  return { raw, parsed };
}

/** The query string of the filters that are set (empty ones left out), for links that keep them. */
export function filtersQuery(raw: ParticipantListRaw): string {
  return new URLSearchParams(Object.entries(raw).filter(([, v]) => v !== '')).toString();
}
