import { Form } from 'react-router';
import type { getApplicationReview } from '../../../core/applications/get-application-review.ts';
import { SCORE_MAX } from '../../../core/applications/score-application.ts';
import { DataTable } from '../../ui/data-table.tsx';
import type { FieldError } from '../../ui/field-errors.ts';
import { SelectField } from '../../ui/form-fields.tsx';
import { useI18n } from '../../ui/i18n-context.tsx';

type Review = Awaited<ReturnType<typeof getApplicationReview>>;

/** Every adviser's scores per weighted criterion, the weighted mean, and this adviser's scoring form. */
export function ScoresPanel({ review, canScore, errors }: { review: Review; canScore: boolean; errors: FieldError[] }) {
  const { t, number } = useI18n();
  const advisers = [...new Map(review.scores.map((s) => [s.adviserId, s.adviser])).entries()];
  const options = [{ value: '', label: t('review.score.choose') }, ...Array.from({ length: SCORE_MAX + 1 }, (_, n) => ({ value: String(n), label: t('review.score.option', { score: n }) }))];
  return (
    // id: an approval refused for missing scores links here from the error summary.
    <section id="scores" aria-labelledby="scores-heading">
      <h2 id="scores-heading" className="ds-heading" data-size="sm">
        {t('review.scores.heading')}
      </h2>
      <p className="ds-paragraph">
        {review.weightedMean === null ? t('review.scores.none') : t('review.scores.mean', { mean: number(Math.round(review.weightedMean * 100) / 100), max: SCORE_MAX })}
      </p>
      {advisers.length > 0 ? (
        <DataTable columns={[{ label: t('review.scores.criterion') }, { label: t('review.scores.weight'), numeric: true }, ...advisers.map(([, name]) => ({ label: name, numeric: true }))]}>
          {review.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td className="numeric">{t('review.scores.percent', { weight: c.weight })}</td>
              {advisers.map(([adviserId]) => (
                <td key={adviserId} className="numeric">
                  {number(review.scores.find((s) => s.adviserId === adviserId && s.criterionId === c.id)?.score ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      ) : null}
      {canScore ? (
        <Form method="post" className="form-grid" noValidate>
          {review.criteria.map((c) => (
            <SelectField
              key={c.id}
              name={`score-${c.id}`}
              label={t('review.score.label', { criterion: c.name, weight: c.weight })}
              errors={errors}
              defaultValue={review.myScores[c.id] === undefined ? '' : String(review.myScores[c.id])}
              options={options}
            />
          ))}
          <div className="form-grid__actions">
            <button type="submit" name="intent" value="score" className="ds-button" data-variant="primary">
              {t('review.score.save')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
