import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { getParticipantExchange, type NextStep } from '../../core/participants/get-participant-exchange.ts';
import { giveConsent } from '../../core/participants/give-consent.ts';
import { MAX_DOCUMENT_MB } from '../../core/participants/document-content.ts';
import { ownParticipantId } from '../../core/participants/participant-self.ts';
import { removeEmergencyContact } from '../../core/participants/remove-emergency-contact.ts';
import { emergencyContactInput, MAX_EMERGENCY_CONTACTS, saveEmergencyContact } from '../../core/participants/save-emergency-contact.ts';
import { profileInput, updateParticipantProfile } from '../../core/participants/update-participant-profile.ts';
import { withdrawConsent } from '../../core/participants/withdraw-consent.ts';
import { DomainError } from '../../core/errors.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { documentStatusKey, exchangeDocumentPath } from '../participants/document-status.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { RowAction } from '../ui/row-action.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/exchange';
import { listOwnCourses } from '../../core/courses/list-own-courses.ts';
import { REPORT_KINDS } from '../../core/participants/participant-report-record.ts';
import { OwnCoursesSection } from '../participants/own-courses-section.tsx';

/**
 * The participant's own page: their details, emergency contacts, consent to data processing, the
 * programme's documents checklist and what to do next. Only for a signed-in participant; anyone else
 * finds no page here (coordinators and the agency read a participant at /participants/:id).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const participantId = await ownParticipantId(context.core);
    const [exchange, courses] = await Promise.all([getParticipantExchange(context.core, { participantId }), listOwnCourses(context.core)]);
    return { exchange, courses, maxContacts: MAX_EMERGENCY_CONTACTS, maxMb: MAX_DOCUMENT_MB };
  });
}

const intents = ['profile', 'contact', 'remove-contact', 'consent', 'withdraw-consent'] as const;
type Intent = (typeof intents)[number];

interface Result {
  intent: Intent;
  errors: FieldError[];
  values: Record<string, string>;
}

/** The contact form's fields are named apart from the profile's (both have a phone number). */
const contactField: Record<string, string> = { name: 'contactName', relation: 'contactRelation', phone: 'contactPhone', email: 'contactEmail' };

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const participantId = await ownParticipantId(context.core);
    const form = await readForm(request);
    const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]));
    const intent = (intents as readonly string[]).includes(values.intent ?? '') ? (values.intent as Intent) : 'profile';
    const refuse = (errors: FieldError[], status = 400, extra: Record<string, string> = {}) => data<Result>({ intent, errors, values: { ...values, ...extra } }, { status });
    const here = `/${t.locale}/exchange`;
    try {
      switch (intent) {
        case 'profile': {
          const parsed = profileInput.safeParse(values);
          if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error));
          await updateParticipantProfile(context.core, { participantId, ...parsed.data, version: values.version ?? '' });
          return redirect(`${here}?saved=profile#profile`);
        }
        case 'contact': {
          const parsed = emergencyContactInput.safeParse({ name: values.contactName, relation: values.contactRelation, phone: values.contactPhone, email: values.contactEmail ?? '' });
          if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, (path) => contactField[String(path[0])] ?? 'contactName'));
          const contactId = values.contactId || undefined;
          await saveEmergencyContact(context.core, { participantId, ...parsed.data, contactId, version: values.version });
          return redirect(`${here}?saved=contact#contacts`);
        }
        case 'remove-contact':
          await removeEmergencyContact(context.core, { participantId, contactId: values.contactId ?? '' });
          return redirect(`${here}?saved=contactRemoved#contacts`);
        case 'consent':
          await giveConsent(context.core, { participantId, textVersion: values.textVersion ?? '', locale: t.locale });
          return redirect(`${here}?saved=consent#consent`);
        case 'withdraw-consent':
          await withdrawConsent(context.core, { participantId });
          return redirect(`${here}?saved=consentWithdrawn#consent`);
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || [401, 403, 404].includes(error.status)) throw error;
      // A stale save keeps what was typed and carries the current version, so saving again is a knowing overwrite.
      const fallback = intent === 'profile' ? 'phone' : intent === 'contact' ? 'contactName' : intent === 'consent' || intent === 'withdraw-consent' ? 'consent-form' : 'contacts-table';
      const errors = domainFieldErrors(t, error, fallback).map((e) => (intent === 'contact' ? { ...e, field: contactField[e.field] ?? e.field } : e));
      if (error.code === 'staleEdit') {
        const current = await getParticipantExchange(context.core, { participantId });
        const version = intent === 'profile' ? current.profile.version : (current.contacts.find((c) => c.id === values.contactId)?.version ?? '');
        return refuse(errors, 409, { version });
      }
      return refuse(errors, error.status);
    }
  });
}

const savedKeys: Record<string, MessageKey> = {
  profile: 'exchange.saved.profile',
  contact: 'exchange.saved.contact',
  contactRemoved: 'exchange.saved.contactRemoved',
  consent: 'exchange.saved.consent',
  consentWithdrawn: 'exchange.saved.consentWithdrawn',
  document: 'exchange.saved.document',
};

function NextStepItem({ step, locale }: { step: NextStep; locale: string }) {
  const { t } = useI18n();
  switch (step.step) {
    case 'consent':
      return <a className="ds-link" href="#consent">{t('exchange.next.consent')}</a>;
    case 'profile':
      return <a className="ds-link" href="#profile">{t('exchange.next.profile')}</a>;
    case 'emergencyContact':
      return <a className="ds-link" href="#contacts">{t('exchange.next.emergencyContact')}</a>;
    case 'upload':
      return <a className="ds-link" href={exchangeDocumentPath(locale, step.slug)}>{t('exchange.next.upload', { kind: step.kind })}</a>;
    case 'replace':
      return <a className="ds-link" href={exchangeDocumentPath(locale, step.slug)}>{t('exchange.next.replace', { kind: step.kind })}</a>;
    case 'awaitReview':
      return <>{t('exchange.next.awaitReview', { count: step.count })}</>;
    case 'documentsDone':
      return <>{t('exchange.next.documentsDone')}</>;
  }
}

export default function ExchangePage() {
  const { exchange, courses, maxContacts, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const [search] = useSearchParams();
  const { t, locale, date } = useI18n();
  const { participant: p, profile, contacts, consent, documents, nextSteps } = exchange;
  const errors = result?.errors ?? [];
  const savedKey = savedKeys[search.get('saved') ?? ''];
  const editing = contacts.find((c) => c.id === (result?.intent === 'contact' ? result.values.contactId : search.get('contact')));
  const profileValues = result?.intent === 'profile' ? result.values : profile;
  const contactValues =
    result?.intent === 'contact'
      ? result.values
      : editing
        ? { contactName: editing.name, contactRelation: editing.relation, contactPhone: editing.phone, contactEmail: editing.email, version: editing.version, contactId: editing.id }
        : {};
  const errorsFor = (intents: string[]) => (result && intents.includes(result.intent) ? errors : []);
  return (
    <>
      <PageHeading title={t('exchange.title')} />
      <p className="ds-paragraph">
        {t('exchange.summary', { programme: p.programme, home: p.homeOrganisation, host: p.hostOrganisation, start: date(p.startsOn), end: date(p.endsOn) })}
      </p>
      <p className="ds-paragraph">{t('exchange.status', { status: t(`participantStatus.${p.status}` as MessageKey) })}</p>
      <SuccessNotice text={savedKey && errors.length === 0 ? t(savedKey) : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />

      <section aria-labelledby="next-heading">
        <h2 id="next-heading" className="ds-heading" data-size="sm">
          {t('exchange.nextSteps.heading')}
        </h2>
        {nextSteps.length === 0 ? (
          <p className="ds-paragraph">{t('exchange.next.none')}</p>
        ) : (
          <ul className="ds-list">
            {nextSteps.map((step) => (
              <li key={`${step.step}-${'kind' in step ? step.kind : ''}`}>
                <NextStepItem step={step} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="ds-heading" data-size="sm">
          {t('exchange.documents.heading')}
        </h2>
        {documents.length === 0 ? (
          <p className="ds-paragraph">{t('exchange.documents.empty')}</p>
        ) : (
          <>
            <p className="ds-paragraph">{t('exchange.documents.intro', { max: maxMb })}</p>
            <DataTable columns={[{ label: t('exchange.documents.kind') }, { label: t('application.field.status') }, { label: t('exchange.documents.remark') }, { label: t('exchange.documents.action') }]}>
              {documents.map((d) => (
                <tr key={d.kind}>
                  <th scope="row">
                    {d.kind} {d.onChecklist ? null : t('exchange.documents.notOnChecklist')}
                  </th>
                  <td>{t(documentStatusKey(d.status))}</td>
                  <td>{d.status === 'returned' ? d.document?.reviewNote : null}</td>
                  <td>
                    {d.onChecklist ? (
                      <a className="ds-link" href={exchangeDocumentPath(locale, d.slug)}>
                        {d.status === 'missing' ? t('exchange.documents.upload', { kind: d.kind }) : d.status === 'accepted' ? t('exchange.documents.view', { kind: d.kind }) : t('exchange.documents.replace', { kind: d.kind })}
                      </a>
                    ) : null}
                    {d.document ? (
                      <>
                        {' '}
                        <a className="ds-link" href={`/${locale}/participants/${p.id}/documents/${d.document.id}`} download>
                          {t('participantDocuments.download', { name: d.document.fileName || d.kind })}
                        </a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
            <p className="ds-paragraph">
              <a className="ds-link" href={`/${locale}/participants/${p.id}/documents`}>
                {t('exchange.documents.overview')}
              </a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="ds-heading" data-size="sm">
          {t('exchange.profile.heading')}
        </h2>
        <p className="ds-paragraph">{t('exchange.profile.intro', { profession: p.profession || '–' })}</p>
        <Form method="post" className="form-grid" noValidate id="profile">
          <input type="hidden" name="intent" value="profile" />
          <input type="hidden" name="version" value={profileValues.version ?? ''} />
          <TextField name="phone" label={t('exchange.profile.phone')} hint={t('exchange.profile.phoneHint')} errors={errorsFor(['profile'])} defaultValue={profileValues.phone} autoComplete="tel" />
          <TextAreaField name="homeAddress" label={t('exchange.profile.homeAddress')} errors={errorsFor(['profile'])} defaultValue={profileValues.homeAddress} rows={3} />
          <TextAreaField name="addressAbroad" label={t('exchange.profile.addressAbroad')} hint={t('exchange.profile.addressAbroadHint')} errors={errorsFor(['profile'])} defaultValue={profileValues.addressAbroad} rows={3} />
          <TextField name="languages" label={t('exchange.profile.languages')} errors={errorsFor(['profile'])} defaultValue={profileValues.languages} />
          <TextAreaField name="notes" label={t('exchange.profile.notes')} hint={t('exchange.profile.notesHint')} errors={errorsFor(['profile'])} defaultValue={profileValues.notes} rows={3} />
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {t('exchange.profile.submit')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="contacts-heading" id="contacts">
        <h2 id="contacts-heading" className="ds-heading" data-size="sm">
          {t('exchange.contacts.heading')}
        </h2>
        <p className="ds-paragraph">{t('exchange.contacts.intro', { max: maxContacts })}</p>
        {contacts.length === 0 ? (
          <p className="ds-paragraph">{t('exchange.contacts.none')}</p>
        ) : (
          <div id="contacts-table">
            <DataTable
              columns={[
                { label: t('exchange.contacts.name') },
                { label: t('exchange.contacts.relation') },
                { label: t('exchange.contacts.phone') },
                { label: t('exchange.contacts.email') },
                { label: t('exchange.contacts.actions'), visuallyHidden: true },
              ]}
            >
              {contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.relation}</td>
                  <td>{c.phone}</td>
                  <td>{c.email}</td>
                  <td>
                    <a className="ds-link" href={`?contact=${c.id}#contact-form`}>
                      {t('exchange.contacts.edit', { name: c.name })}
                    </a>
                    <RowAction fields={{ intent: 'remove-contact', contactId: c.id }} label={t('exchange.contacts.remove', { name: c.name })} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
        <Form method="post" className="form-grid" noValidate id="contact-form">
          <fieldset className="ds-fieldset">
            <legend className="ds-heading" data-size="xs">
              {editing ? t('exchange.contacts.legendEdit', { name: editing.name }) : t('exchange.contacts.legendNew')}
            </legend>
            <input type="hidden" name="intent" value="contact" />
            {editing ? <input type="hidden" name="contactId" value={editing.id} /> : null}
            {editing ? <input type="hidden" name="version" value={contactValues.version ?? editing.version} /> : null}
            <TextField name="contactName" label={t('exchange.contacts.name')} errors={errorsFor(['contact'])} defaultValue={contactValues.contactName} />
            <TextField name="contactRelation" label={t('exchange.contacts.relation')} hint={t('exchange.contacts.relationHint')} errors={errorsFor(['contact'])} defaultValue={contactValues.contactRelation} />
            <TextField name="contactPhone" label={t('exchange.contacts.phone')} errors={errorsFor(['contact'])} defaultValue={contactValues.contactPhone} />
            <TextField name="contactEmail" type="email" label={t('exchange.contacts.email')} errors={errorsFor(['contact'])} defaultValue={contactValues.contactEmail} />
          </fieldset>
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {editing ? t('exchange.contacts.save') : t('exchange.contacts.add')}
            </button>
            {editing ? (
              <a className="ds-link" href={`/${locale}/exchange#contacts`}>
                {t('exchange.contacts.cancel')}
              </a>
            ) : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="consent-heading" id="consent">
        <h2 id="consent-heading" className="ds-heading" data-size="sm">
          {t('exchange.consent.heading')}
        </h2>
        <div lang={locale}>
          <p className="ds-paragraph">{t('consent.v1.p1')}</p>
          <p className="ds-paragraph">{t('consent.v1.p2')}</p>
          <p className="ds-paragraph">{t('consent.v1.p3')}</p>
        </div>
        <p className="ds-paragraph" data-size="sm">
          {t('exchange.consent.version', { version: consent.current })}
        </p>
        <p className="ds-paragraph">
          {consent.given
            ? consent.upToDate
              ? t('exchange.consent.given', { date: date(consent.given.consentedAt), version: consent.given.textVersion })
              : t('exchange.consent.outdated')
            : t('exchange.consent.none')}
        </p>
        <div id="consent-form">
          {consent.upToDate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw-consent" />
              <p className="ds-paragraph" data-size="sm">
                {t('exchange.consent.withdrawHint')}
              </p>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t('exchange.consent.withdraw')}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="consent" />
              <input type="hidden" name="textVersion" value={consent.current} />
              <button type="submit" className="ds-button" data-variant="primary">
                {t('exchange.consent.agree')}
              </button>
            </Form>
          )}
        </div>
      </section>

      <OwnCoursesSection courses={courses} />

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading" className="ds-heading" data-size="sm">
          {t('exchange.reports.heading')}
        </h2>
        <ul className="ds-list">
          {REPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a className="ds-link" href={`/${locale}/exchange/reports/${kind}`}>
                {t(`reportKind.${kind}`)}
              </a>
            </li>
          ))}
          <li>
            <a className="ds-link" href={`/${locale}/exchange/engagement`}>
              {t('exchange.engagement.link')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="care-heading">
        <h2 id="care-heading" className="ds-heading" data-size="sm">
          {t('exchange.care.heading')}
        </h2>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/incidents/new`}>
            {t('exchange.care.report')}
          </a>
        </p>
      </section>
    </>
  );
}
