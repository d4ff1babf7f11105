import { Form } from 'react-router';
import type { OfferedMove } from '../../core/participants/get-participant-detail.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { moveField } from './move-fields.ts';

/**
 * The moves this person may make now, one small form each: only the moves the lifecycle allows them,
 * a reason where the move needs one, the actual date where it records one. When a move is refused,
 * every reason is listed inside its form, each with the id the error summary links to.
 */
export function MovesPanel({ moves, version, errors, values }: { moves: OfferedMove[]; version: string; errors: FieldError[]; values: Record<string, string> }) {
  const { t } = useI18n();
  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="moves-title">
      <h2 id="moves-title" className="ds-heading" data-size="sm">
        {t('participantPage.moves.title')}
      </h2>
      {moves.map((move) => {
        const mine = values.intent === 'move' && values.to === move.to;
        const guards = errors.filter((e) => e.field === moveField(move.to) || e.field.startsWith(`${moveField(move.to)}--`));
        const legendId = `${moveField(move.to)}-legend`;
        return (
          <Form method="post" className="form-grid panel" noValidate key={move.to}>
            <fieldset className="ds-fieldset" aria-labelledby={legendId}>
              <legend id={legendId} className="ds-label">
                {t('participantPage.moves.to', { status: t(`participantStatus.${move.to}` as MessageKey) })}
              </legend>
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="to" value={move.to} />
              <input type="hidden" name="version" value={version} />
              {guards.length > 0 ? (
                <ul className="ds-list" aria-label={t('participantPage.moves.notYet')}>
                  {guards.map((g) => (
                    <li key={g.field} id={g.field} className="ds-validation-message" data-color="danger">
                      {g.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              {move.needsReason ? (
                <TextAreaField name={moveField(move.to, 'reason')} label={t('participantPage.moves.reason')} errors={errors} defaultValue={mine ? values[moveField(move.to, 'reason')] : undefined} rows={3} />
              ) : null}
              {move.recordsDate ? (
                <TextField
                  name={moveField(move.to, 'on')}
                  type="date"
                  label={move.recordsDate === 'actualStartsOn' ? t('participantPage.moves.actualStart') : t('participantPage.moves.actualEnd')}
                  hint={t('participantPage.moves.dateHint')}
                  errors={errors}
                  defaultValue={mine ? values[moveField(move.to, 'on')] : undefined}
                />
              ) : null}
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant={move.to === 'withdrawn' || move.to === 'ended_early' ? 'secondary' : 'primary'}>
                  {t('participantPage.moves.submit', { status: t(`participantStatus.${move.to}` as MessageKey) })}
                </button>
              </div>
            </fieldset>
          </Form>
        );
      })}
    </section>
  );
}
