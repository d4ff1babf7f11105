import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { isLocale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { CoreContext } from '../context.ts';
import { emailCoordinators } from './notify-partners.ts';

/** What a partner confirmed and has now changed. */
export type ConfirmedPart = 'partners' | 'plan' | 'sharedGoals' | 'partnerGoals';

const changeMessage: Record<ConfirmedPart, MessageKey> = {
  partners: 'email.applicationConfirmationWithdrawn.partners',
  plan: 'email.applicationConfirmationWithdrawn.plan',
  sharedGoals: 'email.applicationConfirmationWithdrawn.sharedGoals',
  partnerGoals: 'email.applicationConfirmationWithdrawn.partnerGoals',
};

/**
 * A partner confirms the application as it stood: who takes part, who goes where, the shared goals and
 * its own goals. A change to any of these withdraws the confirmation of every partner it concerns (all
 * of them for the partners, the plan and the shared goals; the owner alone for a partner's goals), and
 * that partner's coordinators are emailed, each in their own language, to read it and confirm again.
 * Not withdrawn: the coordinating partner's (it confirms by starting and submits), and those of the
 * organisations the person making the change coordinates (making the change is confirming it).
 * Runs in the change's transaction (`ctx.db`); returns the partners withdrawn, for its audit entry.
 */
export async function resetConfirmations(ctx: CoreContext, applicationId: string, change: { part: ConfirmedPart; organisationId?: string | null }): Promise<string[]> {
  const tx = ctx.db;
  const actor = ctx.actor;
  const own = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId) : [];
  const reset = await tx
    .update(applicationPartners)
    .set({ confirmedAt: null, confirmedBy: null })
    .where(
      and(
        eq(applicationPartners.applicationId, applicationId),
        eq(applicationPartners.isCoordinator, false),
        isNotNull(applicationPartners.confirmedAt),
        change.organisationId ? eq(applicationPartners.organisationId, change.organisationId) : undefined,
        own.length ? notInArray(applicationPartners.organisationId, own) : undefined,
      ),
    )
    .returning({ organisationId: applicationPartners.organisationId });
  const withdrawn = reset.map((r) => r.organisationId);
  if (withdrawn.length === 0) return [];

  const [application] = await tx.select({ title: applications.title }).from(applications).where(eq(applications.id, applicationId));
  const partners = await tx.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, withdrawn));
  for (const partner of partners) {
    await emailCoordinators(tx, [partner.id], 'applicationConfirmationWithdrawn', (locale) => ({
      title: application?.title ?? '',
      partner: partner.name,
      change: createTranslator(isLocale(locale) ? locale : 'en').t(changeMessage[change.part], { partner: partner.name }),
      url: `${ctx.publicUrl ?? ''}/${locale}/applications/${applicationId}`,
    }));
  }
  return withdrawn;
}
