import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { MAX_DOCUMENT_MB } from '../../core/participants/document-content.ts';
import { getParticipantExchange } from '../../core/participants/get-participant-exchange.ts';
import { ownParticipantId } from '../../core/participants/participant-self.ts';
import { uploadParticipantDocument } from '../../core/participants/upload-participant-document.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { documentStatusKey } from '../participants/document-status.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/exchange-document';

/** One line of the documents checklist, as its participant sees it: its status, the remark if returned, and the upload. */
async function checklistItem(context: Route.LoaderArgs['context'], slug: string) {
  const participantId = await ownParticipantId(context.core);
  const exchange = await getParticipantExchange(context.core, { participantId });
  const item = exchange.documents.find((d) => d.slug === slug && d.onChecklist);
  if (!item) throw data(null, { status: 404 });
  return { participantId, item };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const { item } = await checklistItem(context, params.kind);
    return { item, maxMb: MAX_DOCUMENT_MB };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const { participantId, item } = await checklistItem(context, params.kind);
    const form = await readForm(request);
    const file = form.get('file');
    const chosen = file instanceof File && file.size > 0;
    try {
      await uploadParticipantDocument(context.core, {
        participantId,
        kind: item.kind,
        file: { name: chosen ? file.name : '', content: chosen ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() },
      });
    } catch (error) {
      // A refused file is said beside the file field; the page is otherwise as it was (nothing else is on it to lose).
      if (error instanceof DomainError && error.status < 500 && ![401, 403, 404].includes(error.status)) {
        return data<{ errors: FieldError[] }>({ errors: domainFieldErrors(t, error, 'file') }, { status: error.status === 409 ? 409 : 400 });
      }
      throw error;
    }
    return redirect(`/${t.locale}/exchange?saved=document`);
  });
}

export default function ExchangeDocumentPage() {
  const { item, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[] }>();
  const { t, locale, date, number } = useI18n();
  const errors = result?.errors ?? [];
  const error = errors.find((e) => e.field === 'file')?.message;
  const doc = item.document;
  return (
    <>
      <PageHeading title={t('exchangeDocument.title', { kind: item.kind })} />
      <p className="ds-paragraph">{t('exchangeDocument.status', { status: t(documentStatusKey(item.status)) })}</p>
      {item.status === 'returned' && doc?.reviewNote ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('exchangeDocument.remark', { remark: doc.reviewNote })}</p>
        </div>
      ) : null}
      {doc ? (
        <p className="ds-paragraph">{t('exchangeDocument.current', { name: doc.fileName, size: number(Math.max(1, Math.round(doc.sizeBytes / 1024))), date: date(doc.uploadedAt) })}</p>
      ) : null}
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {item.status === 'accepted' ? (
        <p className="ds-paragraph">{t('exchangeDocument.accepted')}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
          <div className="ds-field">
            <label className="ds-label" htmlFor="file">
              {t('exchangeDocument.file')}
            </label>
            <p id="file-hint" className="ds-paragraph field-hint" data-size="sm">
              {t('exchangeDocument.fileHint', { max: maxMb })}
            </p>
            <input
              id="file"
              name="file"
              type="file"
              className="ds-input"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              aria-invalid={error ? true : undefined}
              aria-describedby={['file-hint', error ? 'file-error' : null].filter(Boolean).join(' ')}
            />
            {error ? (
              <p id="file-error" className="ds-validation-message" data-color="danger">
                {error}
              </p>
            ) : null}
          </div>
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {t('exchangeDocument.submit')}
            </button>
          </div>
        </Form>
      )}
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/exchange`}>
          {t('exchangeDocument.back')}
        </a>
      </p>
    </>
  );
}
