import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { DomainError } from '../../core/errors.ts';
import { listParticipantDocuments } from '../../core/participants/list-participant-documents.ts';
import { documentReviewInput, reviewParticipantDocument } from '../../core/participants/review-participant-document.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { documentStatusKey } from '../participants/document-status.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/participant-documents';

/**
 * A participant's documents against the programme's checklist, for whoever may see the participant, and
 * the review (accept, or return with a remark) for the sending partner's coordinators and the agency.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => listParticipantDocuments(context.core, { participantId: params.id }));
}

interface Result {
  documentId: string;
  errors: FieldError[];
  values: Record<string, string>;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const list = await listParticipantDocuments(context.core, { participantId: params.id });
    const form = await readForm(request);
    const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]));
    const documentId = values.documentId ?? '';
    // Each row's fields have ids of their own (decision-<row>, remark-<row>), so the error summary links to the right one.
    const row = list.items.findIndex((i) => i.document?.id === documentId);
    const fieldOf = (field: string) => (row < 0 ? 'documents' : `${field === 'remark' ? 'remark' : 'decision'}-${row}`);
    const refuse = (errors: FieldError[], status: number) => data<Result>({ documentId, errors, values }, { status });
    const parsed = documentReviewInput.safeParse(values);
    if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, (path) => fieldOf(String(path[0]))), 400);
    try {
      const { status } = await reviewParticipantDocument(context.core, { participantId: params.id, documentId, version: values.version ?? '', ...parsed.data });
      return redirect(`/${t.locale}/participants/${params.id}/documents?saved=${status}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || [401, 403].includes(error.status)) throw error;
      if (error.status === 404 && row >= 0) throw error;
      return refuse(
        domainFieldErrors(t, error, 'decision').map((e) => ({ ...e, field: fieldOf(e.field) })),
        error.status === 404 ? 400 : error.status,
      );
    }
  });
}

export default function ParticipantDocumentsPage() {
  const { participant: p, items, canReview } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const [search] = useSearchParams();
  const { t, locale, date } = useI18n();
  const errors = result?.errors ?? [];
  const saved = search.get('saved');
  const name = `${p.givenName} ${p.familyName}`;
  const checklist = items.filter((i) => i.onChecklist);
  return (
    <>
      <PageHeading title={t('participantDocuments.title', { name })} />
      <p className="ds-paragraph">
        {t('participantDocuments.intro', { programme: p.programme, home: p.homeOrganisation, host: p.hostOrganisation, status: t(`participantStatus.${p.status}` as MessageKey) })}
      </p>
      <SuccessNotice text={errors.length === 0 && (saved === 'accepted' || saved === 'returned') ? t(`participantDocuments.saved.${saved}`) : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {checklist.length > 0 && checklist.every((i) => i.status === 'accepted') ? <p className="ds-paragraph">{t('participantDocuments.allAccepted')}</p> : null}
      {items.length === 0 ? (
        <p className="ds-paragraph">{t('participantDocuments.empty')}</p>
      ) : (
        <div id="documents">
          <DataTable
            columns={[
              { label: t('participantDocuments.kind') },
              { label: t('application.field.status') },
              { label: t('participantDocuments.file') },
              ...(canReview ? [{ label: t('participantDocuments.review') }] : []),
            ]}
          >
            {items.map((item, row) => {
              const doc = item.document;
              const mine = result?.documentId === doc?.id ? result : undefined;
              const errorOf = (field: string) => mine?.errors.find((e) => e.field === `${field}-${row}`)?.message;
              const decision = mine?.values.decision;
              return (
                <tr key={item.kind}>
                  <th scope="row">
                    {item.kind} {item.onChecklist ? null : t('exchange.documents.notOnChecklist')}
                  </th>
                  <td>
                    {t(documentStatusKey(item.status))}
                    {doc?.reviewedAt ? <div>{t('participantDocuments.reviewed', { date: date(doc.reviewedAt) })}</div> : null}
                    {item.status === 'returned' && doc?.reviewNote ? <div>{t('participantDocuments.remark', { remark: doc.reviewNote })}</div> : null}
                  </td>
                  <td>
                    {doc ? (
                      <a className="ds-link" href={`/${locale}/participants/${p.id}/documents/${doc.id}`} download>
                        {t('participantDocuments.download', { name: doc.fileName || item.kind })}
                      </a>
                    ) : (
                      t('participantDocuments.noFile')
                    )}
                  </td>
                  {canReview ? (
                    <td>
                      {doc && item.status === 'submitted' ? (
                        <Form method="post" noValidate>
                          <input type="hidden" name="documentId" value={doc.id} />
                          <input type="hidden" name="version" value={doc.version} />
                          <fieldset className="ds-fieldset" aria-describedby={errorOf('decision') ? `decision-${row}-error` : undefined}>
                            <legend className="ds-label">{t('participantDocuments.decision', { kind: item.kind })}</legend>
                            {(['accept', 'return'] as const).map((choice, n) => (
                              <div className="ds-field choice" key={choice}>
                                <input className="ds-input" type="radio" id={n === 0 ? `decision-${row}` : `decision-${row}-${choice}`} name="decision" value={choice} defaultChecked={decision === choice} />
                                <label className="ds-label" data-weight="regular" htmlFor={n === 0 ? `decision-${row}` : `decision-${row}-${choice}`}>
                                  {t(choice === 'accept' ? 'participantDocuments.accept' : 'participantDocuments.return')}
                                </label>
                              </div>
                            ))}
                            {errorOf('decision') ? (
                              <p id={`decision-${row}-error`} className="ds-validation-message" data-color="danger">
                                {errorOf('decision')}
                              </p>
                            ) : null}
                          </fieldset>
                          <div className="ds-field">
                            <label className="ds-label" htmlFor={`remark-${row}`}>
                              {t('participantDocuments.remarkLabel', { kind: item.kind })}
                            </label>
                            <p id={`remark-${row}-hint`} className="ds-paragraph field-hint" data-size="sm">
                              {t('participantDocuments.remarkHint')}
                            </p>
                            <textarea
                              id={`remark-${row}`}
                              name="remark"
                              className="ds-input"
                              rows={3}
                              defaultValue={mine?.values.remark ?? ''}
                              aria-invalid={errorOf('remark') ? true : undefined}
                              aria-describedby={[`remark-${row}-hint`, errorOf('remark') ? `remark-${row}-error` : null].filter(Boolean).join(' ')}
                            />
                            {errorOf('remark') ? (
                              <p id={`remark-${row}-error`} className="ds-validation-message" data-color="danger">
                                {errorOf('remark')}
                              </p>
                            ) : null}
                          </div>
                          <button type="submit" className="ds-button" data-variant="primary" data-size="sm">
                            {t('participantDocuments.submit', { kind: item.kind })}
                          </button>
                        </Form>
                      ) : item.status === 'missing' || item.status === 'returned' ? (
                        t('participantDocuments.awaitingUpload')
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </DataTable>
        </div>
      )}
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/participants/${p.id}`}>
          {t('participantDocuments.back')}
        </a>
      </p>
    </>
  );
}
