import type { MessageKey } from '../../i18n/catalogs.ts';
import type { ChecklistStatus } from '../../core/participants/participant-documents.ts';

/** The message naming a checklist item's status, said in words (never by colour alone). */
export const documentStatusKey = (status: ChecklistStatus): MessageKey => `documentStatus.${status}`;

/** The address of the participant's own page for one checklist line (by its slug, core/participants/participant-documents.ts). */
export const exchangeDocumentPath = (locale: string, slug: string) => `/${locale}/exchange/documents/${encodeURIComponent(slug)}`;
