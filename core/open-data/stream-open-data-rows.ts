import { stringify } from 'csv-stringify/sync';
import { csvCell, jsonValue, OPEN_DATA_COLUMNS, openDataHeader, type OpenDataset, type OpenDataValue } from './open-data-columns.ts';

export type OpenDataFormat = 'csv' | 'json';
export type OpenDataRow = Record<string, OpenDataValue>;

/** One keyset page of a dataset's rows, and where the next starts (undefined after the last page). */
export type OpenDataPageLoader<K> = (after: K | undefined) => Promise<{ rows: OpenDataRow[]; next: K | undefined }>;

/**
 * A dataset written while it is sent, one keyset page at a time (as the IATI export does): memory holds one
 * page whatever the size of the table, and a slow reader holds back the reading (a pulled stream). CSV is
 * UTF-8 with a byte-order mark, CRLF line ends and formulas escaped (csv-stringify), its header the
 * dataset's column names; JSON is one array of objects keyed by the same names, written element by element.
 */
export function streamOpenDataRows<K>(dataset: OpenDataset, format: OpenDataFormat, loadPage: OpenDataPageLoader<K>): ReadableStream<Uint8Array> {
  const columns = OPEN_DATA_COLUMNS[dataset];
  const encoder = new TextEncoder();
  let after: K | undefined;
  let started = false;
  let done = false;
  let first = true;
  const csv = (rows: (string | number)[][], bom = false) => stringify(rows, { bom, escape_formulas: true, record_delimiter: 'windows' });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(format === 'csv' ? csv([openDataHeader(dataset)], true) : '['));
          return;
        }
        // A pull that enqueues nothing is not called again: read pages until one gives rows, or the end.
        while (!done) {
          const page = await loadPage(after);
          if (page.next === undefined) done = true;
          else after = page.next;
          if (page.rows.length === 0) continue;
          let chunk: string;
          if (format === 'csv') chunk = csv(page.rows.map((row) => columns.map((c) => csvCell(c, row[c.name] ?? null))));
          else {
            chunk = '';
            for (const row of page.rows) {
              chunk += `${first ? '' : ','}\n${JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, jsonValue(c, row[c.name] ?? null)])))}`;
              first = false;
            }
          }
          controller.enqueue(encoder.encode(chunk));
          return;
        }
        if (format === 'json') controller.enqueue(encoder.encode(first ? ']\n' : '\n]\n'));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The template of a dataset: its header row and nothing else, as the import will read it. */
export function openDataTemplate(dataset: OpenDataset): string {
  return stringify([openDataHeader(dataset)], { bom: true, record_delimiter: 'windows' });
}
