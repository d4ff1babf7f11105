import type { FieldError } from './field-errors.ts';

/**
 * The design system's error summary: a list at the top of the form, each entry a link to its field,
 * so a keyboard or screen-reader user can go straight to what needs fixing.
 */
export function ErrorSummary({ heading, errors }: { heading: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="ds-error-summary" role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading" className="ds-heading" data-size="xs">
        {heading}
      </h2>
      <ul className="ds-list">
        {errors.map((error) => (
          <li key={error.field}>
            <a className="ds-link" href={`#${error.field}`}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
