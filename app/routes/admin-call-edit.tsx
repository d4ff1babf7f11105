import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { getCall } from '../../core/calls/get-call.ts';
import { updateCall } from '../../core/calls/update-call.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { listProgrammes } from '../../core/programmes/list-programmes.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { CallFields, type CallValues } from '../calls/call-fields.tsx';
import { callValues, isFormRefusal, parseCallForm, readCallForm } from '../calls/call-form.server.ts';
import { domainFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-call-edit';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'call:manage');
    const { call, criteria } = await getCall(context.core, { callId: params.id });
    const programmes = (await listProgrammes(context.core)).map(({ id, name }) => ({ id, name }));
    return { id: call.id, programmes, values: callValues(translatorFor(params.lang), call, criteria), version: call.updatedAt.toISOString() };
  });
}

interface Result {
  errors: FieldError[];
  values: CallValues;
  version: string;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'call:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = readCallForm(form);
    const version = String(form.get('version') ?? '');
    const { input, errors } = parseCallForm(t, values);
    if (!input) return data<Result>({ errors, values, version }, { status: 400 });
    try {
      await updateCall(context.core, { callId: params.id, ...input, version });
    } catch (error) {
      // Stale: keep what this person typed and take the new version, so a second save is a knowing one.
      const stale = await staleSave(t, error, values, async () => (await getCall(context.core, { callId: params.id })).call.updatedAt.toISOString(), 'title');
      if (stale) return stale;
      if (!isFormRefusal(error)) throw error;
      return data<Result>({ errors: domainFieldErrors(t, error, 'title'), values, version }, { status: error.status });
    }
    return redirect(`/${t.locale}/calls/${params.id}?saved=1`);
  });
}

export default function AdminCallEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('call.edit.title', { title: loaded.values.title })} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={result?.version ?? loaded.version} />
        <CallFields values={result?.values ?? loaded.values} errors={errors} programmes={loaded.programmes} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('call.edit.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
