import { z } from '@hono/zod-openapi';
import type { getPublicPartnership } from '../../core/partnerships/get-public-partnership.ts';
import type { listPublicPartnerships } from '../../core/partnerships/list-public-partnerships.ts';
import { pageSchema } from '../pagination.ts';

const common = {
  id: z.uuid(),
  title: z.string().openapi({ example: 'Nursing exchange between Kathmandu and Bergen' }),
  shape: z.enum(['north_south', 'south_south', 'triangular']),
  status: z.string().openapi({ description: 'active, closing or closed', example: 'active' }),
  sectorCode: z.string().nullable().openapi({ description: 'DAC 5-digit sector code', example: '12181' }),
  sdgGoals: z.array(z.string()).openapi({ description: 'Sustainable Development Goals it works towards, 1 to 17', example: ['3', '4'] }),
  startsOn: z.string().nullable().openapi({ format: 'date', example: '2025-01-01' }),
  endsOn: z.string().nullable().openapi({ format: 'date', example: '2027-12-31' }),
  programme: z.string().openapi({ description: 'The programme’s name', example: 'Health' }),
};

export const PartnershipSummarySchema = z
  .object({
    ...common,
    countries: z.array(z.string()).openapi({ description: 'The partners’ countries, ISO 3166-1 alpha-2', example: ['NO', 'NP'] }),
    partners: z.array(z.string()).openapi({ description: 'The partners’ names, the coordinating partner first' }),
  })
  .openapi('PartnershipSummary');

export const PartnershipPageSchema = pageSchema(PartnershipSummarySchema, 'PartnershipPage');

export const PartnershipSchema = z
  .object({
    ...common,
    partners: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        countryCode: z.string(),
        city: z.string(),
        coordinator: z.boolean().openapi({ description: 'The coordinating partner (the agency’s contact)' }),
      }),
    ),
  })
  .openapi('Partnership');

type SummaryRow = Awaited<ReturnType<typeof listPublicPartnerships>>['items'][number];
type PartnershipRow = Awaited<ReturnType<typeof getPublicPartnership>>;

const commonOf = (p: SummaryRow | PartnershipRow) => ({
  id: p.id,
  title: p.title,
  shape: p.shape,
  status: p.status,
  sectorCode: p.sectorCode,
  sdgGoals: p.sdgGoals,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  programme: p.programme,
});

export function partnershipSummaryOf(p: SummaryRow): z.infer<typeof PartnershipSummarySchema> {
  return { ...commonOf(p), countries: p.countries ?? [], partners: p.partners ?? [] };
}

export function partnershipBodyOf(p: PartnershipRow): z.infer<typeof PartnershipSchema> {
  return { ...commonOf(p), partners: p.partners };
}
