import type { MessageKey } from '../../i18n/catalogs.ts';

/**
 * The open datasets and their columns, defined once (issue 12, point 7). Everything that writes or
 * describes a dataset reads this: the CSV header, the JSON keys, the empty template
 * (`/api/v1/open-data/templates/{dataset}.csv`) and the data dictionary on `/{lang}/open-data`. The
 * historical import (a later issue) reads its files by this same definition, so that a downloaded CSV is
 * always a valid upload: change a column here and the export, the template, the dictionary and the import
 * change together. Column names are stable, lower-case ASCII, never translated; what they mean is in the
 * catalogs (`openData.column.<dataset>.<column>`, area `open-data`).
 */
export const OPEN_DATASETS = ['partnerships', 'organisations', 'statistics', 'results'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

/**
 * How a value is written: `text` as is; `integer` and `decimal` as plain numbers (a point for decimals);
 * `date` as YYYY-MM-DD; `boolean` as true/false; `list` as codes or names separated by `; ` in CSV and
 * an array in JSON. An empty CSV cell is null in JSON.
 */
export type OpenDataColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'boolean' | 'list';
export type OpenDataValue = string | number | boolean | string[] | null;

export interface OpenDataColumn {
  name: string;
  type: OpenDataColumnType;
  /** What the column holds, for the data dictionary and the OpenAPI document. */
  description: MessageKey;
  /** A value as it appears in the CSV. */
  example: string;
}

const column = (dataset: OpenDataset, name: string, type: OpenDataColumnType, example: string): OpenDataColumn => ({ name, type, example, description: `openData.column.${dataset}.${name}` as MessageKey });

export const OPEN_DATA_COLUMNS: Record<OpenDataset, readonly OpenDataColumn[]> = {
  partnerships: [
    column('partnerships', 'id', 'text', '5b7c1d2e-3f40-4a51-8c62-7d8e9fa0b1c2'),
    column('partnerships', 'title', 'text', 'Newborn care in Lilongwe and Førde'),
    column('partnerships', 'programme_code', 'text', 'health'),
    column('partnerships', 'programme', 'text', 'Health'),
    column('partnerships', 'shape', 'text', 'north_south'),
    column('partnerships', 'status', 'text', 'active'),
    column('partnerships', 'sector_code', 'text', '12181'),
    column('partnerships', 'sdg_goals', 'list', '3; 5'),
    column('partnerships', 'countries', 'list', 'MW; NO'),
    column('partnerships', 'partner_organisation_ids', 'list', '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b; 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
    column('partnerships', 'partner_organisations', 'list', 'Helse Førde; Kamuzu Central Hospital'),
    column('partnerships', 'coordinator_organisation_id', 'text', '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b'),
    column('partnerships', 'starts_on', 'date', '2025-01-01'),
    column('partnerships', 'ends_on', 'date', '2027-12-31'),
    column('partnerships', 'granted_nok', 'decimal', '4500000.00'),
  ],
  organisations: [
    column('organisations', 'id', 'text', '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b'),
    column('organisations', 'legal_name', 'text', 'Helse Førde HF'),
    column('organisations', 'short_name', 'text', 'Helse Førde'),
    column('organisations', 'country', 'text', 'NO'),
    column('organisations', 'city', 'text', 'Førde'),
    column('organisations', 'organisation_type', 'text', '10'),
    column('organisations', 'sector_code', 'text', '12191'),
    column('organisations', 'registration_scheme', 'text', 'NO-BRC'),
    column('organisations', 'registration_number', 'text', '983974732'),
    column('organisations', 'website', 'text', 'https://helse-forde.no'),
    column('organisations', 'partnerships', 'integer', '3'),
  ],
  statistics: [
    column('statistics', 'dimension', 'text', 'home-country'),
    column('statistics', 'code', 'text', 'MW'),
    column('statistics', 'label', 'text', 'Malawi'),
    column('statistics', 'people', 'integer', '412'),
    column('statistics', 'suppressed', 'boolean', 'false'),
    column('statistics', 'provisional', 'boolean', 'false'),
  ],
  results: [
    column('results', 'partnership_id', 'text', '5b7c1d2e-3f40-4a51-8c62-7d8e9fa0b1c2'),
    column('results', 'partnership', 'text', 'Newborn care in Lilongwe and Førde'),
    column('results', 'round', 'integer', '1'),
    column('results', 'period_start', 'date', '2025-01-01'),
    column('results', 'period_end', 'date', '2025-12-31'),
    column('results', 'organisation_id', 'text', '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b'),
    column('results', 'organisation', 'text', 'Helse Førde HF'),
    column('results', 'shared_goal', 'boolean', 'true'),
    column('results', 'goal', 'text', 'Better care for newborns in both hospitals'),
    column('results', 'indicator_id', 'text', '7d8e9fa0-b1c2-4d3e-8f40-5a516c627d8e'),
    column('results', 'indicator_series_id', 'text', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
    column('results', 'indicator', 'text', 'Nurses trained in newborn resuscitation'),
    column('results', 'level', 'text', 'organisational'),
    column('results', 'counts_people', 'boolean', 'true'),
    column('results', 'sdg_targets', 'list', '3.2'),
    column('results', 'baseline', 'text', '4'),
    column('results', 'target', 'text', '40'),
    column('results', 'baseline_value', 'decimal', '4'),
    column('results', 'target_value', 'decimal', '40'),
    column('results', 'actual', 'decimal', '18'),
    column('results', 'actual_women', 'integer', '12'),
    column('results', 'actual_men', 'integer', '6'),
    column('results', 'actual_other', 'integer', '0'),
    column('results', 'actual_text', 'text', ''),
    column('results', 'accepted_on', 'date', '2026-02-20'),
    column('results', 'lessons', 'text', 'Training in pairs across the two hospitals worked better than courses.'),
  ],
};

export function isOpenDataset(value: string): value is OpenDataset {
  return (OPEN_DATASETS as readonly string[]).includes(value);
}

/** The CSV header row of a dataset: the template's only row. */
export function openDataHeader(dataset: OpenDataset): string[] {
  return OPEN_DATA_COLUMNS[dataset].map((c) => c.name);
}

/** A value as the JSON file has it: an empty text is null, as an empty CSV cell reads. */
export function jsonValue(column: OpenDataColumn, value: OpenDataValue): OpenDataValue {
  if (value === '' || value === undefined) return null;
  if (typeof value === 'number' && column.type === 'decimal') return Number(value.toFixed(2));
  return value;
}

/** How lists are joined in a CSV cell. */
export const LIST_SEPARATOR = '; ';

/**
 * What a spreadsheet would take for the start of a formula (OWASP "CSV injection", as csv-stringify's
 * `escape_formulas` lists them), and the quote that escapes it: a text starting with any of these is written
 * with one more `'` in front, so that reading strips exactly one and gets the text back, whatever it was.
 */
const ESCAPE_FIRST = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20']/;

/** A value as it is written in a CSV cell (numbers stay numbers so that a minus sign is not escaped). */
export function csvCell(column: OpenDataColumn, value: OpenDataValue): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return column.type === 'decimal' ? Number(value.toFixed(2)) : value;
  const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
  return ESCAPE_FIRST.test(text) ? `'${text}` : text;
}

/**
 * A CSV cell read back as the JSON file has it: the reading the historical import will use (an escaped
 * text loses its one leading `'`).
 */
export function parseCsvCell(column: OpenDataColumn, cell: string): OpenDataValue {
  if (cell === '') return column.type === 'list' ? [] : null;
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return Number(cell);
    case 'boolean':
      return cell === 'true';
    default: {
      const text = cell.startsWith("'") ? cell.slice(1) : cell;
      return column.type === 'list' ? text.split(LIST_SEPARATOR) : text;
    }
  }
}
