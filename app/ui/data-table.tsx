import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** A column of buttons: its heading is for screen readers only. */
  visuallyHidden?: boolean;
}

/** A design-system table that scrolls sideways on a narrow screen instead of breaking the page. */
export function DataTable({ columns, children, className }: { columns: Column[]; children: ReactNode; className?: string }) {
  return (
    <div className="table-scroll">
      <table className={['ds-table', className].filter(Boolean).join(' ')} data-border="true">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.visuallyHidden ? <span className="ds-sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
