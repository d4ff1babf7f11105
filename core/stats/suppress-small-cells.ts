/** Fewer people than this in a cell are not published: the cell says "fewer than 5" instead. */
export const SMALL_CELL_THRESHOLD = 5;

export interface Cell {
  key: string;
  people: number;
}

export interface PublishedCell {
  key: string;
  /** null when suppressed. */
  people: number | null;
}

/**
 * The one rule for small cells, used by every table, CSV and the API: a cell of 1 to 4 people is suppressed.
 * A table shows its total, so when exactly one cell of it is suppressed it could be worked out from the
 * total and the others; then the next smallest cell is suppressed too (complementary suppression). Empty
 * cells (0 people) are left out. The order of the cells is kept.
 */
export function suppressSmallCells(cells: readonly Cell[], threshold = SMALL_CELL_THRESHOLD): PublishedCell[] {
  const present = cells.filter((c) => c.people > 0);
  const small = new Set(present.filter((c) => c.people < threshold).map((c) => c.key));
  if (small.size === 1) {
    const next = present.filter((c) => !small.has(c.key)).sort((a, b) => a.people - b.people)[0];
    if (next) small.add(next.key);
  }
  return present.map((c) => ({ key: c.key, people: small.has(c.key) ? null : c.people }));
}

/** A single figure: itself, or null when it counts fewer than the threshold (but some) people. */
export function publishedCount(people: number, threshold = SMALL_CELL_THRESHOLD): number | null {
  return people > 0 && people < threshold ? null : people;
}

/** How a suppressed cell reads in a CSV, in JSON documentation and (beside its spoken words) in a table. */
export const SUPPRESSED_MARK = `<${SMALL_CELL_THRESHOLD}`;
