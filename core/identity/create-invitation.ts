import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { invitations } from '../../db/schema/access.ts';
import { agency } from '../../db/schema/agency.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { locales } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { enqueueEmail } from '../email/enqueue-email.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { agencyRoles, type Actor } from './actor.ts';
import { newInvitationToken } from './invitation-token.ts';
import { requirePermission, requireUser, type Permission } from './permissions.ts';

export const INVITATION_DAYS = 7;

export const createInvitationInput = z.object({
  email: z.email('invalidEmail').trim().toLowerCase().max(254, 'invalidEmail'),
  name: text().trim().min(1, 'required').max(200, 'tooLong'),
  role: z.enum(
    ['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance', 'participant'],
    { message: 'chooseRole' },
  ),
  organisationId: z.uuid('chooseOrganisation').optional(),
  participantId: z.uuid('chooseParticipant').optional(),
  locale: z.enum(locales, { message: 'chooseLanguage' }),
});
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

/** Who may invite whom (issue 3): administrators invite staff; staff invite a partner's first
 * coordinator; coordinators invite colleagues of their own organisation and their participants. */
function permissionFor(actor: Actor, input: CreateInvitationInput): { permission: Permission; organisationId?: string } {
  if ((agencyRoles as readonly string[]).includes(input.role)) return { permission: 'invitation:create-agency-staff' };
  if (input.role === 'participant') return { permission: 'invitation:create-participant', organisationId: input.organisationId };
  const isStaff = actor.kind === 'user' && (actor.agencyRoles.includes('administrator') || actor.agencyRoles.includes('programme_adviser'));
  if (isStaff || actor.kind === 'system') return { permission: 'invitation:create-first-coordinator' };
  return { permission: 'invitation:create-colleague', organisationId: input.organisationId };
}

/**
 * Creates a single-use invitation valid for seven days and puts the email with its link in the
 * outbox, in one transaction. Returns the token for the link (it is stored only as a hash).
 */
export async function createInvitation(
  ctx: CoreContext,
  input: CreateInvitationInput,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const actor = ctx.actor;
  const now = ctx.now();
  const needsOrganisation = input.role === 'partner_coordinator' || input.role === 'partner_finance' || input.role === 'participant';
  if (needsOrganisation && !input.organisationId) throw new DomainError('chooseOrganisation', { field: 'organisationId' });
  if (input.role === 'participant' && !input.participantId) throw new DomainError('chooseParticipant', { field: 'participantId' });
  const { permission, organisationId } = permissionFor(actor, input);
  requirePermission(actor, permission, organisationId ? { organisationId } : {});
  const inviter = actor.kind === 'user' ? requireUser(actor) : null;

  return ctx.db.transaction(async (tx) => {
    let organisationName: string | null = null;
    if (needsOrganisation) {
      const [org] = await tx.select({ name: organisations.legalName }).from(organisations).where(eq(organisations.id, input.organisationId!));
      if (!org) throw new NotFoundError('organisation');
      organisationName = org.name;
    }
    if (input.role === 'participant') {
      // The participant must be one this organisation sends: a coordinator cannot claim another's.
      const [person] = await tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.id, input.participantId!), eq(participants.homeOrganisationId, input.organisationId!)));
      if (!person) throw new NotFoundError('participant');
    }
    // A new invitation replaces any still-open one for the same person and role.
    const scope = input.organisationId ? eq(invitations.organisationId, input.organisationId) : isNull(invitations.organisationId);
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.email, input.email), eq(invitations.roleCode, input.role), scope, isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));

    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60_000);
    const [row] = await tx
      .insert(invitations)
      .values({
        email: input.email,
        name: input.name,
        roleCode: input.role,
        organisationId: input.organisationId ?? null,
        participantId: input.participantId ?? null,
        locale: input.locale,
        tokenHash,
        invitedBy: inviter?.userId ?? null,
        expiresAt,
      })
      .returning({ id: invitations.id });
    const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
    const t = createTranslator(input.locale);
    await enqueueEmail(tx, {
      to: input.email,
      locale: input.locale,
      name: input.name,
      template: 'invitation',
      agencyName: agencyRow?.name ?? '',
      params: {
        inviter: inviter?.name ?? agencyRow?.name ?? '',
        role: t.t(`role.${input.role}`),
        organisation: organisationName ?? 'none',
        url: `${ctx.publicUrl ?? ''}/${input.locale}/invitations/${token}`,
        expires: t.date(expiresAt),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'invitation.created',
      recordType: 'invitation',
      recordId: row!.id,
      after: { email: input.email, name: input.name, role: input.role, organisationId: input.organisationId ?? null, participantId: input.participantId ?? null, expiresAt: expiresAt.toISOString() },
    });
    return { id: row!.id, token, expiresAt };
  });
}
