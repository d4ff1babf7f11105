import type { FieldError } from './field-errors.ts';

interface Choice {
  value: string;
  label: string;
  lang?: string;
}

/**
 * A group of checkboxes or radio buttons in a fieldset whose legend names the question; the error is
 * tied to the group. `name` repeats for every box, so the form posts one value per ticked box. The
 * first box carries the group's name as its id, so the error summary's link (#name) lands on it.
 */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  errors,
  choices,
  checked,
  inline,
}: {
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  hint?: string;
  errors: FieldError[];
  choices: Choice[];
  checked: readonly string[];
  inline?: boolean;
}) {
  const error = errors.find((e) => e.field === name)?.message;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="ds-fieldset choice-group" data-inline={inline ? 'true' : undefined} aria-describedby={described}>
      <legend className="ds-label">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="ds-paragraph field-hint" data-size="sm">
          {hint}
        </p>
      ) : null}
      {choices.map((c, index) => {
        const id = index === 0 ? name : `${name}-${c.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
        return (
          <div className="ds-field choice" key={c.value}>
            <input className="ds-input" type={type} id={id} name={name} value={c.value} defaultChecked={checked.includes(c.value)} aria-invalid={error ? true : undefined} />
            <label className="ds-label" data-weight="regular" htmlFor={id} lang={c.lang}>
              {c.label}
            </label>
          </div>
        );
      })}
      {error ? (
        <p id={`${name}-error`} className="ds-validation-message" data-color="danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
