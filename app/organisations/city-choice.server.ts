import { DomainError } from '../../core/errors.ts';
import { findCityCandidates } from '../../core/geography/city-directory.ts';
import { MAX_CANDIDATES } from '../../core/geography/match-city.ts';
import { CityAmbiguousError } from '../../core/organisations/organisation-place.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldErrors, type FieldError } from '../ui/field-errors.ts';
import type { CityCandidateView, OrganisationValues } from './organisation-fields.tsx';

/** The city and country a choice of place was offered for (the form's hidden `cityChoiceFor`). */
const choiceKey = (values: OrganisationValues) => `${(values.countryCode ?? '').trim().toUpperCase()}|${(values.city ?? '').trim()}`;

/** True when the form carries a choice of place made for the city and country as they now are. */
const choiceStands = (values: OrganisationValues) => Boolean(values.cityChoiceFor) && values.cityChoiceFor === choiceKey(values);

/**
 * What the form sends to core: its values, less a choice of place made for another city or country
 * (the person changed the city after choosing), so that the new city is matched by its name.
 */
export function organisationFormInput(values: OrganisationValues): OrganisationValues {
  const { cityChoiceFor: _for, cityId, ...rest } = values;
  return choiceStands(values) ? { ...rest, cityId } : rest;
}

const view = ({ id, name, adminCode, population, latitude, longitude }: CityCandidateView): CityCandidateView => ({ id, name, adminCode, population, latitude, longitude });

/** The places the form offers to choose from, with what the form says they are for. */
function offer(values: OrganisationValues, candidates: CityCandidateView[]) {
  return { values: { ...values, cityChoiceFor: choiceKey(values) }, cityCandidates: candidates.map(view) };
}

/**
 * When the form comes back for another reason (another field, a possible duplicate, a stale save)
 * after a place was offered: the same places again, the one chosen still ticked. Nothing chosen is lost.
 */
export function offeredAgain(values: OrganisationValues): { values: OrganisationValues; cityCandidates?: CityCandidateView[] } {
  if (!choiceStands(values)) return { values };
  return offer(values, findCityCandidates(values.countryCode ?? '', values.city ?? '').slice(0, MAX_CANDIDATES));
}

/**
 * The form's answer to core refusing the city: several places (the message, and the places as a choice
 * below the city), or none, or a choice that does not fit (the message on its field). Undefined for any
 * other error, which the caller handles or rethrows.
 */
export function cityRefusal(t: Translator, error: unknown, values: OrganisationValues): { errors: FieldError[]; values: OrganisationValues; cityCandidates?: CityCandidateView[] } | undefined {
  if (error instanceof CityAmbiguousError) return { errors: domainFieldErrors(t, error), ...offer({ ...values, cityId: '' }, error.candidates) };
  if (!(error instanceof DomainError) || !['cityNotFound', 'cityNotInCountry', 'cityNotCandidate'].includes(error.code)) return undefined;
  // A choice that does not fit (a damaged form): the places of the city as typed, to choose again from.
  const candidates = findCityCandidates(values.countryCode ?? '', values.city ?? '').slice(0, MAX_CANDIDATES);
  const unchosen = { ...values, cityId: '' };
  if (error.field === 'cityId' && candidates.length > 0) return { errors: domainFieldErrors(t, error), ...offer(unchosen, candidates) };
  return { errors: domainFieldErrors(t, error).map((e) => ({ ...e, field: 'city' })), values: { ...unchosen, cityChoiceFor: '' } };
}
