import type { CoreContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import { buildIatiActivity, type IatiPublisher } from './build-iati-activity.ts';
import { activitiesFooter, activitiesHeader, activityXml } from './iati-activity.ts';
import { loadIatiActivityFacts, loadPublisherAgency } from './load-iati-activity-facts.ts';

/** The agency's IATI organisation identifier when IATI_ORGANISATION_IDENTIFIER is not set (Norec in Norway's business register). */
export const DEFAULT_IATI_ORGANISATION_IDENTIFIER = 'NO-BRC-971277882';
/** OrganisationType 10: government. */
const AGENCY_ORGANISATION_TYPE = '10';

export interface IatiExportOptions {
  /** The publisher's IATI organisation identifier; every activity identifier starts with it. */
  organisationIdentifier: string;
  /** Only the partnerships active in this year. */
  year?: number;
  pageSize?: number;
}

/** The reporting organisation: the agency row under the configured identifier. */
export async function iatiPublisher(ctx: CoreContext, organisationIdentifier: string): Promise<IatiPublisher> {
  const row = await loadPublisherAgency(ctx.db);
  return { identifier: organisationIdentifier, name: row?.name ?? organisationIdentifier, type: AGENCY_ORGANISATION_TYPE, agencyId: row?.id ?? '' };
}

/**
 * Every approved partnership as an IATI 2.03 activity, or one year's: a public file, so no permission is
 * asked. The document is written while it is sent, one keyset page of partnerships at a time: memory holds
 * one page whatever the number of partnerships, and a slow reader holds back the reading (pull). With no
 * activity at all (a year without partnerships) there is no valid file: `NotFoundError`.
 */
export async function streamIatiActivities(ctx: CoreContext, { organisationIdentifier, year, pageSize }: IatiExportOptions): Promise<ReadableStream<Uint8Array>> {
  const publisher = await iatiPublisher(ctx, organisationIdentifier);
  const generated = ctx.now();
  const today = osloDate(generated);
  const encoder = new TextEncoder();
  // The schema wants at least one activity: a year without any has no file ("not found"), said before the stream exists.
  let first: Awaited<ReturnType<typeof loadIatiActivityFacts>> | null = await loadIatiActivityFacts(ctx.db, { year, limit: pageSize });
  if (first.facts.length === 0) throw new NotFoundError('iatiActivities');
  let after: string | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(activitiesHeader(generated)));
          return;
        }
        // A pull that enqueues nothing is not called again: read pages until one gives text, or the end.
        while (!done) {
          const { facts, next } = first ?? (await loadIatiActivityFacts(ctx.db, { after, year, limit: pageSize }));
          first = null;
          let chunk = '';
          for (const f of facts) chunk += activityXml(buildIatiActivity(f, publisher, today));
          if (next) after = next;
          else done = true;
          if (chunk) {
            controller.enqueue(encoder.encode(chunk));
            return;
          }
        }
        controller.enqueue(encoder.encode(activitiesFooter));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Every activity of the export, a page at a time, for checks that read them all (the publisher's preview). */
export async function* iatiActivities(ctx: CoreContext, { organisationIdentifier, year, pageSize }: IatiExportOptions) {
  const publisher = await iatiPublisher(ctx, organisationIdentifier);
  const today = osloDate(ctx.now());
  let after: string | undefined;
  for (;;) {
    const { facts, next } = await loadIatiActivityFacts(ctx.db, { after, year, limit: pageSize });
    for (const f of facts) yield buildIatiActivity(f, publisher, today);
    if (!next) return;
    after = next;
  }
}
