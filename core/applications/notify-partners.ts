import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { memberships } from '../../db/schema/access.ts';
import { agency } from '../../db/schema/agency.ts';
import { user } from '../../db/schema/auth.ts';
import { enqueueEmail, type EmailTemplate } from '../email/enqueue-email.ts';
import type { MessageValues } from '../../i18n/translator.ts';

/** The coordinators of these organisations, with the locale each reads email in. */
export async function coordinatorsOf(tx: Database, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return tx
    .selectDistinct({ email: user.email, name: user.name, locale: user.locale })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(inArray(memberships.organisationId, organisationIds), eq(memberships.roleCode, 'partner_coordinator'), isNull(user.anonymisedAt)));
}

/**
 * One email per coordinator of the given organisations, each in the reader's own language, queued in
 * the caller's transaction (sent only if the change commits). `params` may depend on the locale.
 */
export async function emailCoordinators(
  tx: Database,
  organisationIds: string[],
  template: EmailTemplate,
  params: (locale: string) => MessageValues,
) {
  const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
  for (const person of await coordinatorsOf(tx, organisationIds)) {
    await enqueueEmail(tx, { to: person.email, name: person.name, locale: person.locale, template, params: params(person.locale), agencyName: agencyRow?.name ?? '' });
  }
}
