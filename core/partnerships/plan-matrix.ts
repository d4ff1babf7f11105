/**
 * An exchange plan as a matrix (docs/architecture.md#exchange-plan-and-flows, who sends to whom): one row per sending partner, one
 * column per host, the number of participants in each cell, with row and column totals. Pure, no I/O.
 */
export interface MatrixFlow {
  from: string;
  to: string;
  participants: number;
}

export interface PlanMatrix {
  /** Row and column order: the partners as given, then any id a flow names that was not given. */
  partners: string[];
  /** cells[sender][host], zero where there is no flow; several flows between one pair add up. */
  cells: number[][];
  /** Sent per partner (row sums). */
  rowTotals: number[];
  /** Hosted per partner (column sums). */
  columnTotals: number[];
  total: number;
}

export function planMatrix(partners: readonly string[], flows: readonly MatrixFlow[]): PlanMatrix {
  const order = [...new Set(partners)];
  // A flow naming someone outside the list still counts: dropping it would make the totals lie.
  for (const flow of flows) {
    if (!order.includes(flow.from)) order.push(flow.from);
    if (!order.includes(flow.to)) order.push(flow.to);
  }
  const index = new Map(order.map((id, i) => [id, i]));
  const cells = order.map(() => order.map(() => 0));
  for (const flow of flows) {
    cells[index.get(flow.from)!]![index.get(flow.to)!]! += flow.participants;
  }
  const rowTotals = cells.map((row) => row.reduce((sum, n) => sum + n, 0));
  const columnTotals = order.map((_, column) => cells.reduce((sum, row) => sum + row[column]!, 0));
  return { partners: order, cells, rowTotals, columnTotals, total: rowTotals.reduce((sum, n) => sum + n, 0) };
}
