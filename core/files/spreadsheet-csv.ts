import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/**
 * A CSV download as spreadsheets open it: UTF-8 with a byte-order mark, CRLF line ends, and a cell that would
 * start a formula escaped (a title may start with "="). Rows (the header first) are written as the stream is
 * read, not built into one string first. The one way the downloads make a CSV file (csv-stringify).
 */
export function spreadsheetCsv(rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>): ReadableStream<Uint8Array> {
  const csv = stringify({ bom: true, escape_formulas: true, record_delimiter: 'windows' });
  Readable.from(rows).pipe(csv);
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
