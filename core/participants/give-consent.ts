import { participantConsents } from '../../db/schema/participant-self.ts';
import { isLocale } from '../../i18n/locales.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { CONSENT_VERSION, consentInForce, lockOwnParticipant } from './participant-self.ts';

/**
 * The participant consents to the processing of their data, having read the text of `textVersion` in
 * `locale`. Only the current text can be consented to: a page loaded before the text changed is refused
 * (409 `consentTextChanged`) so the person reads the new one. Consenting again to the same text changes nothing.
 */
export async function giveConsent(ctx: CoreContext, { participantId, textVersion, locale }: { participantId: string; textVersion: string; locale: string }): Promise<{ consentedAt: Date }> {
  return ctx.db.transaction(async (tx) => {
    await lockOwnParticipant(ctx, tx, participantId);
    if (textVersion !== CONSENT_VERSION) throw new DomainError('consentTextChanged', { field: 'textVersion', status: 409 });
    const current = await consentInForce(tx, participantId);
    if (current?.textVersion === CONSENT_VERSION) return { consentedAt: current.consentedAt };
    const now = ctx.now();
    const language = isLocale(locale) ? locale : 'en';
    await tx.insert(participantConsents).values({ participantId, textVersion, locale: language, consentedAt: now, consentedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'participant.consent-given', recordType: 'participant', recordId: participantId, after: { textVersion, locale: language, consentedAt: now.toISOString() } });
    return { consentedAt: now };
  });
}
