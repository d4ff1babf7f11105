import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { applicationStartOptions } from '../../core/applications/application-start-options.ts';
import { startApplication, startApplicationInput } from '../../core/applications/start-application.ts';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Route } from './+types/application-new';
import { readForm } from '../ui/read-form.server.ts';

const fields = ['callId', 'organisationId', 'partnershipId', 'title'] as const;
type Values = Record<(typeof fields)[number], string>;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const options = await applicationStartOptions(context.core);
    const search = new URL(request.url).searchParams;
    const call = options.calls.find((c) => c.id === search.get('call'));
    // From a call page's "continue" link: that partnership, if the chain lets it continue, with a title to start from.
    const continued = options.partnerships.find((p) => p.id === search.get('partnership') && call && p.problems[call.id] === null);
    const t = translatorFor(params.lang);
    const stage = call?.stage === 'round' ? t.t('chain.kind.round', { round: continued?.nextRound ?? 1 }) : t.t('chain.kind.agreement');
    return {
      options,
      values: {
        callId: search.get('call') ?? '',
        organisationId: continued?.organisationIds[0] ?? options.organisations[0]?.id ?? '',
        partnershipId: continued?.id ?? '',
        title: continued ? t.t('application.new.continuationTitle', { partnership: continued.title, stage }) : '',
      } satisfies Values,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    // Refuse before reading the form: someone who may not apply learns nothing from validation.
    requirePermission(context.core.actor, 'application:create');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? '')])) as Values;
    const parsed = startApplicationInput.safeParse(values);
    if (!parsed.success) return data({ errors: zodFieldErrors(t, parsed.error), values }, { status: 400 });
    try {
      const id = await startApplication(context.core, parsed.data);
      return redirect(`/${t.locale}/applications/${id}/edit/basics`);
    } catch (error) {
      if (!(error instanceof DomainError) || !error.field) throw error;
      return data({ errors: [domainFieldError(t, error)], values }, { status: error.status });
    }
  });
}

/** A coordinator starts an application: which call, for which of their organisations, and a title. */
export default function ApplicationNew() {
  const { options, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: Values }>();
  const { t, date } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? initial;
  // With a call chosen (from its page), only the partnerships the agreement chain lets continue into it are
  // offered, and a round, which always continues one, offers no "new partnership"; the others say why not.
  const call = options.calls.find((c) => c.id === values.callId);
  const offered = call ? options.partnerships.filter((p) => p.problems[call.id] === null) : options.partnerships;
  const refused = call ? options.partnerships.flatMap((p) => (p.problems[call.id] ? [{ id: p.id, problem: p.problems[call.id]! }] : [])) : [];
  const partnershipOptions = [
    ...(call?.stage === 'round' ? [] : [{ value: '', label: t('application.new.newPartnership') }]),
    ...offered.map((p) => ({ value: p.id, label: t('application.new.partnershipOption', { title: p.title, programme: p.programmeName }) })),
  ];
  return (
    <>
      <PageHeading title={t('application.new.title')} />
      <p className="ds-paragraph">{t('application.new.lead')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {options.calls.length === 0 ? (
        <p className="ds-paragraph">{t('application.new.noOpenCalls')}</p>
      ) : (
        <Form method="post" className="form-grid" noValidate>
          <SelectField
            name="callId"
            label={t('application.field.call')}
            errors={errors}
            defaultValue={values.callId}
            options={options.calls.map((c) => ({ value: c.id, label: t('application.new.callOption', { title: c.title, deadline: date(c.deadline, 'medium') }) }))}
          />
          {options.organisations.length > 1 ? (
            <SelectField name="organisationId" label={t('application.field.coordinator')} errors={errors} defaultValue={values.organisationId} options={options.organisations.map((o) => ({ value: o.id, label: o.legalName }))} />
          ) : (
            <input type="hidden" name="organisationId" value={values.organisationId} />
          )}
          {partnershipOptions.length > 0 ? (
            <SelectField
              name="partnershipId"
              label={t('application.field.partnership')}
              hint={t('application.field.partnershipHint')}
              errors={errors}
              defaultValue={values.partnershipId}
              options={partnershipOptions}
            />
          ) : (
            <p className="ds-paragraph" id="partnershipId">
              {t('application.new.noContinuation')}
            </p>
          )}
          {refused.length > 0 ? (
            <section aria-labelledby="cannot-continue">
              <h2 id="cannot-continue" className="ds-heading" data-size="xs">
                {t('application.new.cannotContinue')}
              </h2>
              <ul className="ds-list">
                {refused.map((r) => (
                  <li key={r.id}>{t(`error.${r.problem.code}` as MessageKey, r.problem.params)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <TextField name="title" label={t('application.field.title')} errors={errors} defaultValue={values.title} />
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {t('application.new.submit')}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
