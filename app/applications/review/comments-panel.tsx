import { Form } from 'react-router';
import type { FieldError } from '../../ui/field-errors.ts';
import { TextAreaField } from '../../ui/form-fields.tsx';
import { useI18n } from '../../ui/i18n-context.tsx';

/** The agency's internal notes: never shown to partners. */
export function CommentsPanel({ comments, canComment, errors, values }: { comments: { id: string; body: string; author: string | null; createdAt: Date }[]; canComment: boolean; errors: FieldError[]; values?: Record<string, string> }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="ds-heading" data-size="sm">
        {t('review.comments.heading')}
      </h2>
      <p className="ds-paragraph field-hint">{t('review.comments.internal')}</p>
      <ul className="ds-list">
        {comments.map((c) => (
          <li key={c.id}>
            <p className="ds-paragraph preserve-lines">{c.body}</p>
            <p className="ds-paragraph field-hint" data-size="sm">
              {t('review.comments.by', { author: c.author ?? '', date: date(c.createdAt, 'medium') })}
            </p>
          </li>
        ))}
      </ul>
      {canComment ? (
      <Form method="post" className="form-grid" noValidate>
        <TextAreaField name="body" label={t('review.comments.add')} errors={errors} defaultValue={values?.intent === 'comment' ? values.body : ''} rows={3} />
        <div className="form-grid__actions">
          <button type="submit" name="intent" value="comment" className="ds-button" data-variant="secondary">
            {t('review.comments.save')}
          </button>
        </div>
      </Form>
      ) : null}
    </section>
  );
}
