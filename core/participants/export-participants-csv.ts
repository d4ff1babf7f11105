import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { participantBatches, type ParticipantFilter, type ParticipantListRow } from './list-participants.ts';

/** The columns of the export, in order, each with its heading's message key. */
const columns = [
  ['id', 'participantList.csv.id'],
  ['givenName', 'participantList.csv.givenName'],
  ['familyName', 'participantList.csv.familyName'],
  ['gender', 'participantList.csv.gender'],
  ['birthDate', 'participantList.csv.birthDate'],
  ['status', 'participantList.csv.status'],
  ['programme', 'participantList.csv.programme'],
  ['partnership', 'participantList.csv.partnership'],
  ['round', 'participantList.csv.round'],
  ['homeOrganisation', 'participantList.csv.homeOrganisation'],
  ['homeCountry', 'participantList.csv.homeCountry'],
  ['hostOrganisation', 'participantList.csv.hostOrganisation'],
  ['hostCountry', 'participantList.csv.hostCountry'],
  ['startsOn', 'participantList.csv.startsOn'],
  ['endsOn', 'participantList.csv.endsOn'],
  ['actualStartsOn', 'participantList.csv.actualStartsOn'],
  ['actualEndsOn', 'participantList.csv.actualEndsOn'],
] as const;

/**
 * The filtered participant list as CSV (UTF-8 with a byte-order mark, so spreadsheets read the accents;
 * headings, statuses and genders in `locale`; countries as ISO codes, dates as ISO dates). Rows are read
 * in keyset batches and written batch by batch through csv-stringify as the reader pulls, so memory stays
 * flat whatever the number of rows. Refusals (not signed in, no participants to see, a bad cursor) are
 * thrown here, before the stream exists; the export is recorded in the audit trail before it starts.
 */
export async function exportParticipantsCsv(ctx: CoreContext, { filter, locale }: { filter: ParticipantFilter; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  const batches = participantBatches(ctx, filter);
  const actor = ctx.actor;
  if (actor.kind === 'user') {
    const { after: _, ...filters } = filter;
    await ctx.db.transaction((tx) => recordAudit(tx, { ...ctx, db: tx }, { action: 'participants.exported', recordType: 'participant-list', recordId: actor.userId, after: filters }));
  }
  const { t } = createTranslator(locale);
  const encoder = new TextEncoder();
  let first = true;
  const row = (r: ParticipantListRow) => [
    r.id,
    r.givenName,
    r.familyName,
    t(`participantList.gender.${r.gender}`),
    r.birthDate,
    t(`participantStatus.${r.status}`),
    r.programmeName,
    r.partnershipTitle,
    r.roundNumber ?? '',
    r.homeOrganisation,
    r.homeCountry,
    r.hostOrganisation,
    r.hostCountry,
    r.startsOn,
    r.endsOn,
    r.actualStartsOn ?? '',
    r.actualEndsOn ?? '',
  ];
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await batches.next();
        if (first) {
          // The BOM and the headings go out even when no row matches.
          controller.enqueue(encoder.encode(stringify([columns.map(([, key]) => t(key))], { bom: true })));
          first = false;
        }
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(stringify(next.value.map(row))));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
