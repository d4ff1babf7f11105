import { z } from '@hono/zod-openapi';
import { organisationInput } from '../../core/organisations/organisation-input.ts';
import type { getOrganisation } from '../../core/organisations/get-organisation.ts';
import { describeFields } from '../described-fields.ts';
import { pageSchema } from '../pagination.ts';

export const OrganisationSummarySchema = z
  .object({
    id: z.uuid(),
    legalName: z.string().openapi({ example: 'Kathmandu Model Hospital' }),
    countryCode: z.string().openapi({ description: 'ISO 3166-1 alpha-2', example: 'NP' }),
    city: z.string().openapi({ example: 'Kathmandu' }),
    partnershipCount: z.number().int().openapi({ example: 2 }),
  })
  .openapi('OrganisationSummary');

export const OrganisationPageSchema = pageSchema(OrganisationSummarySchema, 'OrganisationPage');

const PartnershipLinkSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  shape: z.enum(['north_south', 'south_south', 'triangular']),
  status: z.string().openapi({ example: 'active' }),
  startsOn: z.string().nullable().openapi({ format: 'date', example: '2025-01-01' }),
  endsOn: z.string().nullable().openapi({ format: 'date', example: '2027-12-31' }),
});

export const OrganisationSchema = z
  .object({
    id: z.uuid(),
    legalName: z.string().openapi({ example: 'Kathmandu Model Hospital' }),
    shortName: z.string().nullable(),
    countryCode: z.string().openapi({ description: 'ISO 3166-1 alpha-2', example: 'NP' }),
    city: z.string().openapi({ example: 'Kathmandu' }),
    organisationType: z.string().openapi({ description: 'IATI OrganisationType code', example: '22' }),
    sectorCode: z.string().nullable().openapi({ description: 'DAC 5-digit sector code (IATI Sector)', example: '12191' }),
    registrationScheme: z.string().nullable().openapi({ description: 'IATI OrganisationRegistrationAgency code', example: 'NP-SWC' }),
    registrationNumber: z.string().nullable(),
    website: z.string().nullable().openapi({ example: 'https://hospital.example.np' }),
    version: z.string().openapi({
      description: 'The version of this record (also the ETag). Send it back in If-Match, or as `version`, when you update it.',
      example: '2026-11-22T10:00:00.000Z',
    }),
    partnerships: z.array(PartnershipLinkSchema).openapi({ description: 'Its running and finished partnerships.' }),
  })
  .openapi('Organisation');

/**
 * JSON clients send "no value" as null or leave the member out; the web form's schema knows only the
 * latter. Accepting null for its optional fields lets a client send back what it read.
 */
const optionalFields = ['shortName', 'sectorCode', 'registrationScheme', 'registrationNumber', 'website'] as const;
const nullable = Object.fromEntries(optionalFields.map((k) => [k, organisationInput.shape[k].or(z.null())])) as unknown as {
  [K in (typeof optionalFields)[number]]: z.ZodType<string | null, string | null | undefined>;
};

/** The web form's schema (core/organisations/organisation-input.ts), as JSON. */
const organisationBody = describeFields(organisationInput.extend(nullable), {
  legalName: 'The registered name.',
  countryCode: 'ISO 3166-1 alpha-2, for example ET.',
  organisationType: 'IATI OrganisationType code, for example 22 (national NGO).',
  sectorCode: 'DAC 5-digit sector code (IATI Sector), for example 12191.',
  registrationScheme: 'IATI OrganisationRegistrationAgency code of the register, for example NO-BRC.',
  registrationNumber: 'The number in that register.',
  website: 'Full address, starting with https:// or http://.',
});

export const OrganisationRegistrationSchema = organisationBody
  .extend({
    notADuplicate: z.boolean().optional().openapi({
      description: 'Register even though an organisation with a very similar name exists in the same country (after a 409 `similarOrganisation`).',
    }),
  })
  .openapi('OrganisationRegistration', {
    example: { legalName: 'Hawassa Youth Development Association', countryCode: 'ET', city: 'Hawassa', organisationType: '22', sectorCode: '15150' },
  });

export const OrganisationUpdateSchema = organisationBody
  .extend({
    version: z.string().optional().openapi({ description: 'The version you read, if you do not send If-Match.', example: '2026-11-22T10:00:00.000Z' }),
  })
  .openapi('OrganisationUpdate');

type OrganisationRow = Awaited<ReturnType<typeof getOrganisation>>['organisation'];
type PartnershipLink = z.infer<typeof PartnershipLinkSchema>;

/** An organisation as the API shows it: its row without timestamps, its version, its public partnerships. */
export function organisationBodyOf(o: OrganisationRow, partnerships: PartnershipLink[]): z.infer<typeof OrganisationSchema> {
  return {
    id: o.id,
    legalName: o.legalName,
    shortName: o.shortName,
    countryCode: o.countryCode,
    city: o.city,
    organisationType: o.organisationType,
    sectorCode: o.sectorCode,
    registrationScheme: o.registrationScheme,
    registrationNumber: o.registrationNumber,
    website: o.website,
    version: o.updatedAt.toISOString(),
    partnerships,
  };
}
