import type { Database } from '../../db/database.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { createTranslator, type MessageValues } from '../../i18n/translator.ts';

/** The emails the platform sends; each has `email.<template>.subject` and `.body` in every catalog. */
export type EmailTemplate =
  | 'invitation'
  | 'passwordReset'
  | 'applicationPartnerAdded'
  | 'applicationConfirmationWithdrawn'
  | 'applicationStatus'
  | 'participantNominated'
  | 'nominationDecided'
  | 'participantStatus'
  | 'reportReminder'
  | 'reportReturned'
  | 'incidentReported'
  | 'participantDocumentReturned'
  | 'financialReportReturned'
  | 'financialReportApproved'
  | 'resultReportReturned'
  | 'resultReportAccepted';

export interface EmailRequest {
  to: string;
  /** The recipient's locale: the whole message is written in it. */
  locale: string;
  /** Used in the greeting. */
  name: string;
  template: EmailTemplate;
  params: MessageValues;
  agencyName: string;
}

/** Renders an email in the recipient's language: greeting, body and signature from the catalogs. */
export function renderEmail(request: EmailRequest): { subject: string; text: string; locale: Locale } {
  const locale: Locale = isLocale(request.locale) ? request.locale : 'en';
  const { t } = createTranslator(locale);
  const params = { ...request.params, agency: request.agencyName };
  const text = [
    t('email.greeting', { name: request.name }),
    t(`email.${request.template}.body`, params),
    t('email.signature', { agency: request.agencyName }),
  ].join('\n\n');
  return { subject: t(`email.${request.template}.subject`, params), text, locale };
}

/**
 * Puts an email in the outbox, inside the caller's transaction: if the change rolls back, the email
 * is never sent; if it commits, the worker sends it (server/email/email-worker.ts).
 */
export async function enqueueEmail(tx: Database, request: EmailRequest): Promise<string> {
  const { subject, text, locale } = renderEmail(request);
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: request.to, subject, textBody: text, locale, template: request.template })
    .returning({ id: emailOutbox.id });
  return row!.id;
}
