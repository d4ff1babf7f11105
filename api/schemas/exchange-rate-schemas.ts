import { z } from '@hono/zod-openapi';

export const ExchangeRateSchema = z
  .object({
    id: z.uuid(),
    currency: z.string().openapi({ description: 'ISO 4217.', example: 'NPR' }),
    date: z.iso.date(),
    nokPerUnit: z.string().openapi({ description: 'NOK for one unit of the currency, an exact decimal (up to ten decimals).', example: '0.0795' }),
    source: z.string().openapi({ example: 'Norges Bank' }),
    enteredBy: z.string().nullable(),
    enteredAt: z.iso.datetime(),
  })
  .openapi('ExchangeRate');

export const ExchangeRateListSchema = z.object({ items: z.array(ExchangeRateSchema), more: z.boolean().openapi({ description: 'More rates match than the 500 newest returned: narrow the filters.' }) }).openapi('ExchangeRateList');

export const ExchangeRateQuery = z.object({
  currency: z.string().optional().openapi({ param: { name: 'currency', in: 'query' }, example: 'NPR' }),
  from: z.string().optional().openapi({ param: { name: 'from', in: 'query' }, format: 'date' }),
  to: z.string().optional().openapi({ param: { name: 'to', in: 'query' }, format: 'date' }),
});

export const NewExchangeRateBody = z
  .object({
    currency: z.string().openapi({ example: 'NPR' }),
    date: z.string().openapi({ format: 'date', example: '2026-11-02' }),
    rate: z.string().openapi({ description: 'NOK for one unit, a plain decimal with a point.', example: '0.0795' }),
    source: z.string().openapi({ example: 'Norges Bank' }),
  })
  .openapi('NewExchangeRate');

export const ExchangeRateImportSchema = z.object({ imported: z.number().int() }).openapi('ExchangeRateImport');
