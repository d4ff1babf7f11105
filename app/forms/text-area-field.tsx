import type { FieldError } from './field-errors.ts';

/** A multi-line text input with its label, hint and error tied together, as TextField does for one line. */
export function TextAreaField({ name, label, hint, errors, defaultValue, rows = 5 }: { name: string; label: string; hint?: string; errors: FieldError[]; defaultValue?: string; rows?: number }) {
  const error = errors.find((e) => e.field === name)?.message;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="ds-paragraph field-hint" data-size="sm">
          {hint}
        </p>
      ) : null}
      <textarea id={name} name={name} className="ds-input" rows={rows} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={described} />
      {error ? (
        <p id={`${name}-error`} className="ds-validation-message" data-color="danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
