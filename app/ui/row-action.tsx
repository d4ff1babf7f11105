import { Form } from 'react-router';

/** One button that posts an action about one table row (sign out a device, withdraw, anonymise). */
export function RowAction({ fields, label, accessibleLabel }: { fields: Record<string, string>; label: string; accessibleLabel?: string }) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={accessibleLabel}>
        {label}
      </button>
    </Form>
  );
}
