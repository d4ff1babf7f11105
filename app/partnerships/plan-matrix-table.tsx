import type { PlanMatrix } from '../../core/partnerships/plan-matrix.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/**
 * An exchange plan as a table: sending partners in rows, hosts in columns, totals in the last row and
 * column. Headers carry `scope`, so a screen reader announces "from X, to Y" with every figure.
 */
export function PlanMatrixTable({ matrix, caption, names }: { matrix: PlanMatrix; caption: string; names: Map<string, string> }) {
  const { t, number } = useI18n();
  const name = (id: string) => names.get(id) ?? id;
  return (
    <div className="table-scroll">
      <table className="ds-table plan-matrix" data-border="true">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chain.matrix.corner')}</th>
            {matrix.partners.map((id) => (
              <th key={id} scope="col" className="numeric">
                {name(id)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('chain.matrix.totalSent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.partners.map((from, row) => (
            <tr key={from}>
              <th scope="row">{name(from)}</th>
              {matrix.cells[row]!.map((n, column) => (
                <td key={matrix.partners[column]} className="numeric">
                  {number(n)}
                </td>
              ))}
              <td className="numeric">{number(matrix.rowTotals[row]!)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('chain.matrix.totalHosted')}</th>
            {matrix.columnTotals.map((n, column) => (
              <td key={matrix.partners[column]} className="numeric">
                {number(n)}
              </td>
            ))}
            <td className="numeric">{number(matrix.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
