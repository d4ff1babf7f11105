import type { ReactNode } from 'react';
import type { FieldError } from './field-errors.ts';

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors: FieldError[];
}

function describedBy(name: string, hint: string | undefined, error: string | undefined) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: ReactNode }) {
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
      {children}
      {error ? (
        <p id={`${name}-error`} className="ds-validation-message" data-color="danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A text input rendered as plain HTML with the design system's classes, label bound by `for`/`id`,
 * hint and error tied by aria-describedby: it works, and is announced, without JavaScript.
 */
export function TextField({
  name,
  label,
  hint,
  errors,
  type = 'text',
  defaultValue,
  autoComplete,
  required,
}: FieldProps & { type?: 'text' | 'email' | 'password' | 'search' | 'date'; defaultValue?: string; autoComplete?: string; required?: boolean }) {
  const error = errors.find((e) => e.field === name)?.message;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
        type={type}
        className="ds-input"
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
}: FieldProps & { options: { value: string; label: string; lang?: string }[]; defaultValue?: string }) {
  const error = errors.find((e) => e.field === name)?.message;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select
        id={name}
        name={name}
        className="ds-input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A multi-line text input, framed like TextField (label, hint and error tied together). */
export function TextAreaField({ name, label, hint, errors, defaultValue, rows = 5 }: FieldProps & { defaultValue?: string; rows?: number }) {
  const error = errors.find((e) => e.field === name)?.message;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea
        id={name}
        name={name}
        className="ds-input"
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}
