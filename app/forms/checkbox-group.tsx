import type { FieldError } from './field-errors.ts';

/**
 * A group of checkboxes sharing one name, in a fieldset whose legend asks the question. The first box
 * carries the group's name as its id, so the error summary's link (#name) lands on the group.
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  errors,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors: FieldError[];
  options: { value: string; label: string }[];
  checked: readonly string[];
}) {
  const error = errors.find((e) => e.field === name)?.message;
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="ds-fieldset" aria-describedby={describedBy}>
      <legend className="ds-label">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="ds-paragraph field-hint" data-size="sm">
          {hint}
        </p>
      ) : null}
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <div className="ds-field" key={option.value}>
            <input id={id} name={name} type="checkbox" value={option.value} className="ds-input" defaultChecked={checked.includes(option.value)} aria-invalid={error ? true : undefined} />
            <label className="ds-label" data-weight="regular" htmlFor={id}>
              {option.label}
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
