import { eq } from 'drizzle-orm';
import { invitations } from '../../db/schema/access.ts';
import { user } from '../../db/schema/auth.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { hashInvitationToken } from './invitation-token.ts';

export interface OpenInvitation {
  id: string;
  email: string;
  name: string;
  role: string;
  organisationId: string | null;
  participantId: string | null;
  organisationName: string | null;
  locale: string;
  /** The person already has an account: accepting adds the role to it. */
  existingUserId: string | null;
}

/**
 * The invitation behind a link, if it can still be accepted. The token is the only credential,
 * so this is public; it says why a link no longer works (used, revoked, expired) without leaking more.
 */
export async function getOpenInvitation(ctx: CoreContext, { token }: { token: string }): Promise<OpenInvitation> {
  const { db } = ctx;
  const now = ctx.now();
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.roleCode,
      organisationId: invitations.organisationId,
      participantId: invitations.participantId,
      organisationName: organisations.legalName,
      locale: invitations.locale,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) throw new DomainError('invitationNotFound', { status: 404 });
  if (row.acceptedAt) throw new DomainError('invitationUsed', { status: 410 });
  if (row.revokedAt) throw new DomainError('invitationRevoked', { status: 410 });
  if (row.expiresAt <= now) throw new DomainError('invitationExpired', { status: 410 });
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, row.email));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisationId,
    participantId: row.participantId,
    organisationName: row.organisationName,
    locale: row.locale,
    existingUserId: existing?.id ?? null,
  };
}
