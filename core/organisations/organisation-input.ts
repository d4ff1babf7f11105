import { z } from 'zod';
import { text } from '../input/text.ts';
import { isCode } from '../reference/codelists.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => (v ? v : null));

/**
 * An organisation as a form or the API sends it. Codes are checked against the IATI lists in
 * reference/iati: country (ISO 3166), organisation type, DAC sector, registration agency (e.g. NO-BRC).
 */
export const organisationInput = z.object({
  legalName: text().trim().min(2, 'required').max(200, 'tooLong'),
  shortName: optionalText(60),
  countryCode: text().trim().toUpperCase().refine((c) => isCode('Country', c), 'chooseCountry'),
  city: text().trim().min(1, 'required').max(100, 'tooLong'),
  organisationType: text().refine((c) => isCode('OrganisationType', c), 'chooseOrganisationType'),
  sectorCode: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((c) => c === null || isCode('Sector', c), 'chooseSector'),
  registrationScheme: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((c) => c === null || isCode('OrganisationRegistrationAgency', c), 'unknownRegistrationScheme'),
  registrationNumber: optionalText(60),
  /**
   * The place meant, when several in the country have the typed city's name: the GeoNames id of one of
   * the candidates offered (core/organisations/organisation-place.ts). Left out, the city is matched by its name.
   */
  cityId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[1-9][0-9]{0,8}$/.test(v), 'chooseCity')
    .transform((v) => (v === null ? null : Number(v))),
  website: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/[^\s.]+\.[^\s]+$/.test(v), 'invalidWebsite'),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
