import { z } from '@hono/zod-openapi';
import { organisationInput } from '../../core/organisations/organisation-input.ts';
import type { getOrganisation } from '../../core/organisations/get-organisation.ts';
import { describeFields } from '../described-fields.ts';
import { pageSchema } from '../pagination.ts';
import { ProblemSchema } from '../problem-schema.ts';

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

/** The place in the GeoNames cities list the organisation's city was matched to (inline, so that it can be null). */
const MatchedCitySchema = z.object({
  id: z.number().int().openapi({ description: 'The GeoNames id of the place.', example: 3156804 }),
  name: z.string().openapi({ description: 'The place’s name as GeoNames spells it.', example: 'Førde' }),
  latitude: z.number().openapi({ description: 'Decimal degrees, north positive (WGS 84).', example: 61.45217 }),
  longitude: z.number().openapi({ description: 'Decimal degrees, east positive (WGS 84).', example: 5.85717 }),
});

/** A place an ambiguous city may be, in a 422 `cityAmbiguous` answer's `candidates`. */
export const CityCandidateSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The GeoNames id: send it back as `cityId` to choose this place.', example: 3131781 }),
    name: z.string().openapi({ example: 'Vik' }),
    countryCode: z.string().openapi({ description: 'The place’s country in GeoNames (rarely another than the one asked about, as Longyearbyen, SJ, for NO).', example: 'NO' }),
    adminCode: z.string().openapi({ description: 'The first-level region within the country (GeoNames admin1 code).', example: '09' }),
    population: z.number().int().openapi({ example: 365 }),
    latitude: z.number().openapi({ example: 65.31254 }),
    longitude: z.number().openapi({ example: 12.16734 }),
  })
  .openapi('CityCandidate');

/** A 422 answer to a registration or update: invalid values, or a city that is not clearly one place (`candidates`). */
export const OrganisationProblemSchema = ProblemSchema.extend({
  candidates: z.array(CityCandidateSchema).optional().openapi({ description: 'With `cityAmbiguous`: the places the city may be, best first (spelt as typed, then the largest), at most 20.' }),
}).openapi('OrganisationProblem', {
  description: 'A refused registration or update of an organisation, as problem+json: with `cityAmbiguous`, the places its city may be in `candidates`.',
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
    matchedCity: MatchedCitySchema.nullable().openapi({
      description:
        'The place in the GeoNames cities list the city was matched to, what distances are measured from; null for an organisation registered before cities were matched whose city is not clearly one place (an update matches it).',
    }),
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

/** The GeoNames id of a candidate, as a JSON number (the web form's radio button sends it as text). */
const cityId = z
  .number('chooseCity')
  .int('chooseCity')
  .min(1, 'chooseCity')
  .max(2_147_483_647, 'chooseCity')
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** The web form's schema (core/organisations/organisation-input.ts), as JSON. */
const organisationBody = describeFields(organisationInput.extend({ ...nullable, cityId }), {
  legalName: 'The registered name.',
  countryCode: 'ISO 3166-1 alpha-2, for example ET.',
  organisationType: 'IATI OrganisationType code, for example 22 (national NGO).',
  sectorCode: 'DAC 5-digit sector code (IATI Sector), for example 12191.',
  registrationScheme: 'IATI OrganisationRegistrationAgency code of the register, for example NO-BRC.',
  registrationNumber: 'The number in that register.',
  website: 'Full address, starting with https:// or http://.',
  city: 'As people there write it. It is matched to a place of at least 1,000 people in the country (GeoNames), case and accents aside; when several places have the name, the answer is 422 `cityAmbiguous` listing them, and when none has, 422 `cityNotFound`.',
  cityId:
    'Only to choose among the `candidates` of a 422 `cityAmbiguous`: the GeoNames id of the place meant. It must be in the country and called `city`. Left out on an update that keeps `city` and `countryCode`, the place matched before stays.',
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
    matchedCity: o.cityId !== null && o.matchedCityName !== null && o.latitude !== null && o.longitude !== null ? { id: o.cityId, name: o.matchedCityName, latitude: o.latitude, longitude: o.longitude } : null,
    version: o.updatedAt.toISOString(),
    partnerships,
  };
}
