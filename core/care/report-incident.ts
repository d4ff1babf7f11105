import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { programmeAdvisers } from '../../db/schema/access.ts';
import { agency } from '../../db/schema/agency.ts';
import { user } from '../../db/schema/auth.ts';
import { incidents, INCIDENT_KINDS, INCIDENT_SEVERITIES, type IncidentSeverity } from '../../db/schema/care.ts';
import { isLocale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { enqueueEmail } from '../email/enqueue-email.ts';
import { DomainError, ForbiddenError } from '../errors.ts';
import { text } from '../input/text.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { emailParticipantParties, lockParticipant, type ParticipantRow } from '../participants/participant-record.ts';
import { actorLabel } from './incident-record.ts';

export const incidentInput = z.object({
  kind: z.enum(INCIDENT_KINDS, { message: 'chooseIncidentKind' }),
  severity: z.enum(INCIDENT_SEVERITIES, { message: 'chooseSeverity' }),
  /** What happened. */
  description: text().trim().min(1, 'required').max(8000, 'tooLong'),
  /** The day it happened (not after today). */
  occurredOn: z.iso.date('chooseDate'),
  /** Where it happened. */
  place: text().trim().max(300, 'tooLong'),
});
export type IncidentInput = z.infer<typeof incidentInput>;

/** Severities that alert the coordinators concerned and the programme's advisers by email at once. */
const ALERTING: readonly IncidentSeverity[] = ['high', 'critical'];

/**
 * Reports an incident about one participant (docs/architecture.md#duty-of-care): the participant about
 * themselves, or a coordinator of their sending or host partner. Anyone else who may see the participant
 * is refused; anyone else finds no participant. A high or critical incident is emailed to the
 * coordinators of both partners and the advisers following the programme, each in their own language.
 */
export async function reportIncident(ctx: CoreContext, { participantId, ...input }: IncidentInput & { participantId: string }): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const { row, programmeId, parties } = await lockParticipant(ctx, tx, participantId);
    const self = ctx.actor.kind === 'user' && ctx.actor.participantIds.includes(row.id);
    if (!self && !parties.includes('sending') && !parties.includes('host') && ctx.actor.kind !== 'system') throw new ForbiddenError('incident:report');
    if (input.occurredOn > osloDate(ctx.now())) throw new DomainError('dateInFuture', { field: 'occurredOn' });
    const by = actorLabel(ctx.actor);
    const now = ctx.now();
    const [created] = await tx
      .insert(incidents)
      .values({ participantId: row.id, ...input, status: 'open', reportedBy: by.id, reportedByLabel: by.label, createdAt: now, updatedAt: now })
      .returning({ id: incidents.id });
    const id = created!.id;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'incident.reported', recordType: 'incident', recordId: id, after: { participantId: row.id, ...input, status: 'open' } });
    if (ALERTING.includes(input.severity)) await alert(tx, ctx, row, programmeId, id, input);
    return { id };
  });
}

async function alert(tx: Database, ctx: CoreContext, row: ParticipantRow, programmeId: string, id: string, input: IncidentInput) {
  const values = (locale: string) => {
    const { t } = createTranslator(isLocale(locale) ? locale : 'en');
    return { kind: t(`incidentKind.${input.kind}`), severity: t(`incidentSeverity.${input.severity}`), occurredOn: input.occurredOn, url: `${ctx.publicUrl ?? ''}/${locale}/incidents/${id}` };
  };
  await emailParticipantParties(tx, ctx, row, { template: 'incidentReported', organisations: [row.homeOrganisationId, row.hostOrganisationId], participant: false, params: (locale) => values(locale) });
  const advisers = await tx
    .select({ email: user.email, name: user.name, locale: user.locale })
    .from(programmeAdvisers)
    .innerJoin(user, eq(user.id, programmeAdvisers.userId))
    .where(and(eq(programmeAdvisers.programmeId, programmeId), isNull(user.anonymisedAt)));
  const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
  for (const adviser of advisers) {
    const locale = isLocale(adviser.locale) ? adviser.locale : 'en';
    await enqueueEmail(tx, {
      to: adviser.email,
      name: adviser.name,
      locale,
      template: 'incidentReported',
      params: { participant: `${row.givenName} ${row.familyName}`, sender: '', host: '', ...values(locale) },
      agencyName: agencyRow?.name ?? '',
    });
  }
}
