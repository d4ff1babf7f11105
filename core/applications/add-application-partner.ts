import { eq } from 'drizzle-orm';
import { applicationPartners } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lockEditableApplication } from './editable-application.ts';
import { emailCoordinators } from './notify-partners.ts';
import { refreshShape } from './refresh-shape.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { isRecordId } from '../records/record-id.ts';

export const MAX_PARTNERS = 6;

/**
 * The coordinating partner names another organisation as a partner. That organisation's coordinators
 * are asked by email to confirm; until one of them does, the application cannot be submitted.
 */
export async function addApplicationPartner(ctx: CoreContext, { applicationId: id, organisationId }: { applicationId: string; organisationId: string }) {
  await ctx.db.transaction(async (tx) => {
    const application = await lockEditableApplication(ctx, tx, id);
    if (!isRecordId(organisationId)) throw new DomainError('chooseOrganisation', { field: 'organisationId' });
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) throw new DomainError('chooseOrganisation', { field: 'organisationId' });
    const existing = await tx.select().from(applicationPartners).where(eq(applicationPartners.applicationId, id));
    if (existing.some((p) => p.organisationId === organisationId)) {
      throw new DomainError('partnerAlreadyAdded', { field: 'organisationId', params: { partner: organisation.legalName } });
    }
    if (existing.length >= MAX_PARTNERS) throw new DomainError('tooManyPartners', { field: 'organisationId', params: { max: MAX_PARTNERS } });
    const position = Math.max(...existing.map((p) => p.position)) + 1;
    await tx.insert(applicationPartners).values({ applicationId: id, organisationId, position });
    await refreshShape(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, { part: 'partners' });
    await emailCoordinators(tx, [organisationId], 'applicationPartnerAdded', (locale) => ({
      title: application.title,
      partner: organisation.legalName,
      url: `${ctx.publicUrl ?? ''}/${locale}/applications/${id}`,
    }));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.partner-added', recordType: 'application', recordId: id, after: { organisationId, partner: organisation.legalName, confirmationsReset } });
  });
}
