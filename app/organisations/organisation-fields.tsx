import { ChoiceGroup } from '../ui/choice-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import type { Option } from './organisation-options.server.ts';
import { placeCoordinates } from './place-coordinates.ts';

/** The form's fields as text. `cityId` is the place chosen among those offered, `cityChoiceFor` the city (and country) they were offered for. */
export type OrganisationValues = Partial<
  Record<'legalName' | 'shortName' | 'countryCode' | 'city' | 'cityId' | 'cityChoiceFor' | 'organisationType' | 'sectorCode' | 'registrationScheme' | 'registrationNumber' | 'website', string>
>;

/** A place the typed city may be, as the form offers it. */
export interface CityCandidateView {
  id: number;
  name: string;
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

/**
 * The organisation's fields, shared by the register and edit pages. When the typed city is several
 * places (`cityCandidates`), they follow the city as radio buttons, told apart by region, population
 * and coordinates; a choice made stays with the form (hidden) when it comes back for another reason.
 */
export function OrganisationFields({
  values,
  errors,
  options,
  cityCandidates,
}: {
  values: OrganisationValues;
  errors: FieldError[];
  options: { countries: Option[]; types: Option[]; sectors: Option[] };
  cityCandidates?: CityCandidateView[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const choose = { value: '', label: t('organisation.field.choose') };
  return (
    <>
      <TextField name="legalName" label={t('organisation.field.legalName')} hint={t('organisation.field.legalNameHint')} errors={errors} defaultValue={values.legalName} autoComplete="organization" />
      <TextField name="shortName" label={t('organisation.field.shortName')} errors={errors} defaultValue={values.shortName} />
      <SelectField name="countryCode" label={t('organisation.field.country')} errors={errors} defaultValue={values.countryCode ?? ''} options={[choose, ...options.countries]} />
      <TextField name="city" label={t('organisation.field.city')} errors={errors} defaultValue={values.city} />
      {cityCandidates?.length ? (
        <div className="form-grid__wide">
          <ChoiceGroup
            type="radio"
            name="cityId"
            legend={t('organisation.city.choiceLegend', { city: values.city ?? '' })}
            hint={t('organisation.city.choiceHint')}
            errors={errors}
            checked={values.cityId ? [values.cityId] : []}
            choices={cityCandidates.map((c) => ({
              value: String(c.id),
              label: t('organisation.city.candidate', { name: c.name, region: c.adminCode, population: c.population, coordinates: placeCoordinates(i18n, c) }),
            }))}
          />
          <input type="hidden" name="cityChoiceFor" value={values.cityChoiceFor ?? ''} />
        </div>
      ) : values.cityId && values.cityChoiceFor ? (
        <>
          <input type="hidden" name="cityId" value={values.cityId} />
          <input type="hidden" name="cityChoiceFor" value={values.cityChoiceFor} />
        </>
      ) : null}
      <SelectField name="organisationType" label={t('organisation.field.type')} errors={errors} defaultValue={values.organisationType ?? ''} options={[choose, ...options.types]} />
      <SelectField name="sectorCode" label={t('organisation.field.sector')} hint={t('organisation.field.sectorHint')} errors={errors} defaultValue={values.sectorCode ?? ''} options={[{ value: '', label: t('organisation.field.noSector') }, ...options.sectors]} />
      <TextField name="registrationScheme" label={t('organisation.field.registrationScheme')} hint={t('organisation.field.registrationSchemeHint')} errors={errors} defaultValue={values.registrationScheme} />
      <TextField name="registrationNumber" label={t('organisation.field.registrationNumber')} errors={errors} defaultValue={values.registrationNumber} />
      <TextField name="website" label={t('organisation.field.website')} hint={t('organisation.field.websiteHint')} errors={errors} defaultValue={values.website} />
    </>
  );
}
