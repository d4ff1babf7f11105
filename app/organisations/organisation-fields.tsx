import { useI18n } from '../ui/i18n-context.tsx';
import type { FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import type { Option } from './organisation-options.server.ts';

export type OrganisationValues = Partial<Record<'legalName' | 'shortName' | 'countryCode' | 'city' | 'organisationType' | 'sectorCode' | 'registrationScheme' | 'registrationNumber' | 'website', string>>;

/** The organisation's fields, shared by the register and edit pages. */
export function OrganisationFields({
  values,
  errors,
  options,
}: {
  values: OrganisationValues;
  errors: FieldError[];
  options: { countries: Option[]; types: Option[]; sectors: Option[] };
}) {
  const { t } = useI18n();
  const choose = { value: '', label: t('organisation.field.choose') };
  return (
    <>
      <TextField name="legalName" label={t('organisation.field.legalName')} hint={t('organisation.field.legalNameHint')} errors={errors} defaultValue={values.legalName} autoComplete="organization" />
      <TextField name="shortName" label={t('organisation.field.shortName')} errors={errors} defaultValue={values.shortName} />
      <SelectField name="countryCode" label={t('organisation.field.country')} errors={errors} defaultValue={values.countryCode ?? ''} options={[choose, ...options.countries]} />
      <TextField name="city" label={t('organisation.field.city')} errors={errors} defaultValue={values.city} />
      <SelectField name="organisationType" label={t('organisation.field.type')} errors={errors} defaultValue={values.organisationType ?? ''} options={[choose, ...options.types]} />
      <SelectField name="sectorCode" label={t('organisation.field.sector')} hint={t('organisation.field.sectorHint')} errors={errors} defaultValue={values.sectorCode ?? ''} options={[{ value: '', label: t('organisation.field.noSector') }, ...options.sectors]} />
      <TextField name="registrationScheme" label={t('organisation.field.registrationScheme')} hint={t('organisation.field.registrationSchemeHint')} errors={errors} defaultValue={values.registrationScheme} />
      <TextField name="registrationNumber" label={t('organisation.field.registrationNumber')} errors={errors} defaultValue={values.registrationNumber} />
      <TextField name="website" label={t('organisation.field.website')} hint={t('organisation.field.websiteHint')} errors={errors} defaultValue={values.website} />
    </>
  );
}
