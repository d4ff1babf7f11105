import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { callPhase } from '../calls/call-window.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { visitor } from '../identity/actor.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { deriveShape } from '../partnerships/derive-shape.ts';

export const startApplicationInput = z.object({
  callId: z.uuid('chooseCall'),
  organisationId: z.uuid('chooseOrganisation'),
  title: z.string().trim().min(3, 'titleRequired').max(200, 'tooLong'),
  /** For a follow-up (agreement after a study, or a round): the partnership it extends. */
  partnershipId: z.uuid('invalid').optional().or(z.literal('').transform(() => undefined)),
});
export type StartApplicationInput = z.infer<typeof startApplicationInput>;

/**
 * A coordinator opens a draft for an open call, on behalf of their organisation, which becomes the
 * coordinating partner (confirmed by this act). A follow-up copies the partnership's partners.
 */
export async function startApplication(ctx: CoreContext, input: StartApplicationInput, now = new Date()): Promise<string> {
  const actor = requireUser(ctx.actor ?? visitor);
  requirePermission(actor, 'application:create', { organisationId: input.organisationId });
  return ctx.db.transaction(async (tx) => {
    const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId));
    if (!call) throw new DomainError('chooseCall', { field: 'callId' });
    if (callPhase(call, now) !== 'open') throw new DomainError('callNotOpen', { field: 'callId', params: { deadline: call.deadline } });

    const partnerIds = [input.organisationId];
    if (input.partnershipId) {
      const [partnership] = await tx.select().from(partnerships).where(eq(partnerships.id, input.partnershipId));
      const members = await tx.select().from(partnershipPartners).where(eq(partnershipPartners.partnershipId, input.partnershipId));
      if (!partnership || !members.some((m) => m.organisationId === input.organisationId)) {
        throw new DomainError('notYourPartnership', { field: 'partnershipId' });
      }
      partnerIds.push(...members.map((m) => m.organisationId).filter((id) => id !== input.organisationId));
    } else if (call.stage === 'round') {
      throw new DomainError('roundNeedsPartnership', { field: 'partnershipId' });
    }

    const countries = await tx.select({ id: organisations.id, country: organisations.countryCode }).from(organisations).where(inArray(organisations.id, partnerIds));
    const countryOf = new Map(countries.map((c) => [c.id, c.country]));
    const [row] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        partnershipId: input.partnershipId ?? null,
        coordinatorOrganisationId: input.organisationId,
        title: input.title,
        shape: deriveShape(partnerIds.map((id) => countryOf.get(id) ?? '')),
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('application insert returned nothing');
    await tx.insert(applicationPartners).values(
      partnerIds.map((organisationId, position) => ({
        applicationId: row.id,
        organisationId,
        isCoordinator: position === 0,
        position,
        confirmedAt: position === 0 ? now : null,
        confirmedBy: position === 0 ? actor.userId : null,
      })),
    );
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.started', recordType: 'application', recordId: row.id, after: { title: row.title, callId: call.id, partners: partnerIds } });
    return row.id;
  });
}
