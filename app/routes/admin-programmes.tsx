import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { createProgramme } from '../../core/programmes/create-programme.ts';
import { listProgrammes } from '../../core/programmes/list-programmes.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, type FieldError } from '../ui/field-errors.ts';
import { emptyProgramme, ProgrammeFields, type ProgrammeValues } from '../programmes/programme-fields.tsx';
import { parseProgrammeForm, readProgrammeForm } from '../programmes/programme-form.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-programmes';
import { readForm } from '../ui/read-form.server.ts';

/** The programmes and their rules, for administrators and programme advisers, with a form for a new one. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'programme:manage');
    return { programmes: await listProgrammes(context.core) };
  });
}

interface Result {
  errors: FieldError[];
  values: ProgrammeValues;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'programme:manage');
    const t = translatorFor(params.lang);
    const values = readProgrammeForm(await readForm(request));
    const { input, errors } = parseProgrammeForm(t, values);
    if (!input) return data<Result>({ errors, values }, { status: 400 });
    try {
      const { id } = await createProgramme(context.core, input);
      return redirect(`/${t.locale}/admin/programmes/${id}?created=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'programmeCodeTaken') throw error;
      return data<Result>({ errors: [domainFieldError(t, error)], values }, { status: 409 });
    }
  });
}

export default function AdminProgrammes() {
  const { programmes } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t, locale, number } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('programmes.title')} />
      <p className="ds-paragraph">{t('programmes.lead')}</p>
      <DataTable
        columns={[
          { label: t('programmes.column.name') },
          { label: t('programmes.column.code') },
          { label: t('programmes.column.ages') },
          { label: t('programmes.column.stay') },
          { label: t('programmes.column.calls'), numeric: true },
        ]}
      >
        {programmes.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <a className="ds-link" href={`/${locale}/admin/programmes/${p.id}`}>
                {p.name}
              </a>
            </th>
            <td>{p.code}</td>
            <td>{t('call.rules.agesValue', { min: p.minAge, max: p.maxAge })}</td>
            <td>{p.stayMonths.map((m) => number(m)).join(', ')}</td>
            <td className="numeric">{number(p.callCount)}</td>
          </tr>
        ))}
      </DataTable>

      <section aria-labelledby="new-programme">
        <h2 id="new-programme" className="ds-heading" data-size="sm">
          {t('programmes.new.title')}
        </h2>
        <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
        <Form method="post" className="form-grid" noValidate>
          <ProgrammeFields values={result?.values ?? emptyProgramme} errors={errors} />
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {t('programmes.new.submit')}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
