import { z } from '@hono/zod-openapi';
import { catalogs } from '../../i18n/catalogs.ts';
import { OPEN_DATA_COLUMNS, type OpenDataColumn, type OpenDataset } from '../../core/open-data/open-data-columns.ts';

const names: Record<OpenDataset, string> = { partnerships: 'OpenDataPartnership', organisations: 'OpenDataOrganisation', statistics: 'OpenDataStatisticsRow', results: 'OpenDataResult' };

/** A column as JSON: its type from the one definition, nullable (an empty CSV cell), described in English. */
function columnSchema(c: OpenDataColumn) {
  const description = catalogs.en[c.description];
  switch (c.type) {
    case 'integer':
      return z.number().int().nullable().openapi({ description, example: Number(c.example) });
    case 'decimal':
      return z.number().nullable().openapi({ description, example: Number(c.example) });
    case 'boolean':
      return z.boolean().nullable().openapi({ description, example: c.example === 'true' });
    case 'list':
      return z.array(z.string()).openapi({ description, example: c.example.split('; ') });
    case 'date':
      return z.string().nullable().openapi({ description, format: 'date', example: c.example });
    default:
      return z.string().nullable().openapi({ description, example: c.example || null });
  }
}

/** One row of a dataset's JSON file, named in the document (the same columns as its CSV, in the same order). */
export function openDataRowSchema(dataset: OpenDataset) {
  return z.object(Object.fromEntries(OPEN_DATA_COLUMNS[dataset].map((c) => [c.name, columnSchema(c)]))).openapi(names[dataset]);
}

/** The CSV header of a dataset, as an example of its text/csv answer. */
export function csvExample(dataset: OpenDataset): string {
  const columns = OPEN_DATA_COLUMNS[dataset];
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${columns.map((c) => c.name).join(',')}\r\n${columns.map((c) => quote(c.example)).join(',')}\r\n`;
}
