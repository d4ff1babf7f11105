import { TextAreaField, TextField } from '../../ui/form-fields.tsx';
import { Form } from 'react-router';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import type { FieldError } from '../../ui/field-errors.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { SaveButtons } from '../save-buttons.tsx';

export function BasicsStep({ detail, errors, values }: { detail: ApplicationDetail; errors: FieldError[]; values?: Record<string, unknown> }) {
  const { t } = useI18n();
  const a = detail.application;
  return (
    <Form method="post" className="form-grid" noValidate>
      <input type="hidden" name="version" value={String(values?.version ?? a.updatedAt.toISOString())} />
      <TextField name="title" label={t('application.field.title')} errors={errors} defaultValue={String(values?.title ?? a.title)} />
      <TextAreaField name="summary" label={t('application.field.summary')} hint={t('application.field.summaryHint')} errors={errors} defaultValue={String(values?.summary ?? a.summary)} rows={8} />
      <SaveButtons />
    </Form>
  );
}
