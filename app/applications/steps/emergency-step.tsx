import { Form } from 'react-router';
import { MAX_ATTACHMENT_BYTES } from '../../../core/applications/attachment-limits.ts';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import type { FieldError } from '../../ui/field-errors.ts';
import { TextAreaField } from '../../ui/form-fields.tsx';
import { useI18n } from '../../ui/i18n-context.tsx';
import { SaveButtons } from '../save-buttons.tsx';

/** The emergency plan (duty of care) and the PDF attachments. */
export function EmergencyStep({ detail, errors, values }: { detail: ApplicationDetail; errors: FieldError[]; values?: Record<string, unknown> }) {
  const { t, locale, number } = useI18n();
  const a = detail.application;
  const fileError = errors.find((e) => e.field === 'file')?.message;
  // One form holds the plan and the files: adding or removing a file sends the plan as typed too, and
  // the server saves it first, so nothing typed is lost (issue 8).
  return (
    <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
      <input type="hidden" name="version" value={String(values?.version ?? a.updatedAt.toISOString())} />
      <TextAreaField name="emergencyPlan" label={t('application.field.emergencyPlan')} hint={t('application.field.emergencyPlanHint')} errors={errors} defaultValue={String(values?.emergencyPlan ?? a.emergencyPlan)} rows={10} />
      <section aria-labelledby="attachments">
        <h2 id="attachments" className="ds-heading" data-size="sm">
          {t('application.attachments.heading')}
        </h2>
        {detail.programme.documents.length > 0 ? (
          <p className="ds-paragraph">{t('application.attachments.checklist', { documents: detail.programme.documents.join(', ') })}</p>
        ) : null}
        {detail.attachments.length === 0 ? <p className="ds-paragraph">{t('application.attachments.none')}</p> : null}
        <ul className="ds-list">
          {detail.attachments.map((f) => (
            <li key={f.id}>
              <a className="ds-link" href={`/${locale}/applications/${a.id}/attachments/${f.id}`}>
                {f.fileName}
              </a>{' '}
              <span>{t('application.attachments.size', { kb: number(Math.ceil(f.sizeBytes / 1024)) })}</span>{' '}
              <button type="submit" name="removeFile" value={f.id} className="ds-button" data-variant="tertiary" data-size="sm">
                {t('application.attachments.remove', { name: f.fileName })}
              </button>
            </li>
          ))}
        </ul>
        <div className="ds-field">
          <label className="ds-label" htmlFor="file">
            {t('application.attachments.file')}
          </label>
          <p id="file-hint" className="ds-paragraph field-hint" data-size="sm">
            {t('application.attachments.fileHint', { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
          </p>
          <input id="file" name="file" type="file" accept="application/pdf,.pdf" className="ds-input" aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'} aria-invalid={fileError ? true : undefined} />
          {fileError ? (
            <p id="file-error" className="ds-validation-message" data-color="danger">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="form-grid__actions">
          <button type="submit" name="intent" value="upload" className="ds-button" data-variant="secondary">
            {t('application.attachments.upload')}
          </button>
        </div>
      </section>
      <SaveButtons />
    </Form>
  );
}
