/**
 * The participant list's filters, as they travel in the page's and the CSV link's query string. Not
 * server-only: the page's component builds its links with filtersQuery (participant-list-query.server.ts
 * reads and checks them on the server).
 */
export const participantListFields = ['q', 'programme', 'partnership', 'round', 'homeCountry', 'hostCountry', 'status', 'year', 'gender', 'age'] as const;
export type ParticipantListRaw = Record<(typeof participantListFields)[number], string>;

/** The query string of the filters that are set (empty ones left out), for links that keep them. */
export function filtersQuery(raw: ParticipantListRaw): string {
  return new URLSearchParams(Object.entries(raw).filter(([, v]) => v !== '')).toString();
}
