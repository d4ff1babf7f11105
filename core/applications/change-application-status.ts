import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { transition, type ApplicationStatus } from '../partnerships/application-status.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { isLocale } from '../../i18n/locales.ts';
import { emailCoordinators } from './notify-partners.ts';
import { holdReviewReservation } from '../finance/hold-review-reservation.ts';

type ApplicationRow = typeof applications.$inferSelect;

export interface StatusChange {
  to: ApplicationStatus;
  /** Further columns set in the same update (decision fields, submittedAt…). */
  set?: Partial<typeof applications.$inferInsert>;
  /** Shown in the partners' email (e.g. the reason for a rejection); empty for none. */
  message?: string;
  /** Runs inside the transaction after the update (e.g. creating the partnership on approval). */
  after?: (tx: Database, row: ApplicationRow) => Promise<void>;
}

/**
 * The one way an application changes status: the status machine decides (illegal moves throw 409),
 * money is reserved while the agency reviews it (core/finance/hold-review-reservation.ts), the change is
 * audited, and every partner's coordinators get an email in their own language.
 */
export async function changeApplicationStatus(ctx: CoreContext, id: string, change: StatusChange): Promise<ApplicationRow> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!before) throw new NotFoundError('application');
    const to = transition(before.status as ApplicationStatus, change.to);
    const [after] = await tx.update(applications).set({ ...change.set, status: to, updatedAt: new Date() }).where(eq(applications.id, id)).returning();
    if (!after) throw new NotFoundError('application');
    await holdReviewReservation(tx, ctx, before, after);
    await change.after?.(tx, after);
    const partners = await tx.select({ id: applicationPartners.organisationId }).from(applicationPartners).where(eq(applicationPartners.applicationId, id));
    await emailCoordinators(
      tx,
      partners.map((p) => p.id),
      'applicationStatus',
      (locale) => {
        const { t } = createTranslator(isLocale(locale) ? locale : 'en');
        return {
          title: after.title,
          status: t(`applicationStatus.${to}`),
          message: change.message?.trim() ? change.message.trim() : 'none',
          url: `${ctx.publicUrl ?? ''}/${locale}/applications/${id}`,
        };
      },
    );
    const { createdAt: _c, updatedAt: _u, ...beforeFields } = before;
    const { createdAt: _d, updatedAt: _v, ...afterFields } = after;
    await recordAudit(tx, { ...ctx, db: tx }, { action: `application.${to}`, recordType: 'application', recordId: id, before: beforeFields, after: afterFields });
    return after;
  });
}
