import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { createCall } from '../../core/calls/create-call.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { listProgrammes } from '../../core/programmes/list-programmes.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { CallFields, type CallValues } from '../calls/call-fields.tsx';
import { isFormRefusal, parseCallForm, readCallForm } from '../calls/call-form.server.ts';
import { domainFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-call-new';
import { readForm } from '../ui/read-form.server.ts';

/** A new call, for administrators and programme advisers; `?programme=ID` chooses its programme. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'call:manage');
    const programmes = (await listProgrammes(context.core)).map(({ id, name }) => ({ id, name }));
    const wanted = new URL(request.url).searchParams.get('programme') ?? '';
    const values: CallValues = {
      title: '',
      programmeId: programmes.some((p) => p.id === wanted) ? wanted : '',
      stage: '',
      opensOn: '',
      deadline: '',
      budgetCeiling: '',
      priorities: '',
      criteria: [],
    };
    return { programmes, values };
  });
}

interface Result {
  errors: FieldError[];
  values: CallValues;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'call:manage');
    const t = translatorFor(params.lang);
    const values = readCallForm(await readForm(request));
    const { input, errors } = parseCallForm(t, values);
    if (!input) return data<Result>({ errors, values }, { status: 400 });
    try {
      const { id } = await createCall(context.core, input);
      return redirect(`/${t.locale}/calls/${id}?created=1`);
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      return data<Result>({ errors: domainFieldErrors(t, error), values }, { status: error.status });
    }
  });
}

export default function AdminCallNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('call.new.title')} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <CallFields values={result?.values ?? loaded.values} errors={errors} programmes={loaded.programmes} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('call.new.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
