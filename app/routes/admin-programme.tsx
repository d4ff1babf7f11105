import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { getProgramme } from '../../core/programmes/get-programme.ts';
import { updateProgramme } from '../../core/programmes/update-programme.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { stageMessage } from '../calls/call-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, type FieldError } from '../ui/field-errors.ts';
import { ProgrammeFields, type ProgrammeValues } from '../programmes/programme-fields.tsx';
import { parseProgrammeForm, programmeValues, readProgrammeForm } from '../programmes/programme-form.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-programme';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'programme:manage');
    const { programme, calls } = await getProgramme(context.core, { programmeId: params.id });
    return { id: programme.id, values: programmeValues(programme), version: programme.updatedAt.toISOString(), calls };
  });
}

interface Result {
  errors: FieldError[];
  values: ProgrammeValues;
  version: string;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'programme:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = readProgrammeForm(form);
    const version = String(form.get('version') ?? '');
    const { input, errors } = parseProgrammeForm(t, values);
    if (!input) return data<Result>({ errors, values, version }, { status: 400 });
    try {
      await updateProgramme(context.core, { programmeId: params.id, ...input, version });
    } catch (error) {
      // Someone saved in between: keep what this person typed, and let them save over it knowingly.
      const stale = await staleSave(t, error, values, async () => (await getProgramme(context.core, { programmeId: params.id })).programme.updatedAt.toISOString(), 'name');
      if (stale) return stale;
      if (!(error instanceof DomainError) || error.code !== 'programmeCodeTaken') throw error;
      return data<Result>({ errors: [domainFieldError(t, error, 'name')], values, version }, { status: 409 });
    }
    return redirect(`/${t.locale}/admin/programmes/${params.id}?saved=1`);
  });
}

export default function AdminProgramme() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const [search] = useSearchParams();
  const { t, locale, date } = useI18n();
  const errors = result?.errors ?? [];
  const notice = search.has('created') ? t('programme.created') : search.has('saved') ? t('programme.saved') : null;
  return (
    <>
      <PageHeading title={t('programme.edit.title', { name: loaded.values.name })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/admin/programmes`}>
          {t('programmes.title')}
        </a>
      </p>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/admin/programmes/${loaded.id}/unit-costs`}>
          {t('unitCosts.programme.link')}
        </a>
      </p>
      <SuccessNotice text={result ? null : notice} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={result?.version ?? loaded.version} />
        <ProgrammeFields values={result?.values ?? loaded.values} errors={errors} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('programme.edit.submit')}
          </button>
        </div>
      </Form>

      <section aria-labelledby="programme-calls">
        <h2 id="programme-calls" className="ds-heading" data-size="sm">
          {t('programme.calls.title')}
        </h2>
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="secondary" href={`/${locale}/admin/calls/new?programme=${loaded.id}`}>
            {t('programme.calls.new')}
          </a>
        </p>
        {loaded.calls.length === 0 ? (
          <p className="ds-paragraph">{t('programme.calls.empty')}</p>
        ) : (
          <DataTable columns={[{ label: t('calls.column.title') }, { label: t('calls.column.stage') }, { label: t('calls.column.deadline') }, { label: t('calls.column.actions'), visuallyHidden: true }]}>
            {loaded.calls.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a className="ds-link" href={`/${locale}/calls/${c.id}`}>
                    {c.title}
                  </a>
                </th>
                <td>{t(stageMessage[c.stage])}</td>
                <td>{date(c.deadline)}</td>
                <td>
                  <a className="ds-link" href={`/${locale}/admin/calls/${c.id}/edit`}>
                    {t('call.edit')}
                    <span className="ds-sr-only">
                      {': '}
                      {c.title}
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
