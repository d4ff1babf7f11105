import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { requirePermission } from '../../core/identity/permissions.ts';
import { listUnitCostTables } from '../../core/unit-costs/list-unit-cost-tables.ts';
import { startUnitCostDraft } from '../../core/unit-costs/start-unit-cost-draft.ts';
import { startDraftInput } from '../../core/unit-costs/unit-cost-input.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { isFormRefusal } from '../calls/call-form.server.ts';
import { unitCostPaths } from '../unit-costs/unit-cost-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/admin-programme-unit-costs';

/** A programme's unit-cost tables by year, and (for finance officers and administrators) a draft for another year. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const { programme, years, canManage } = await listUnitCostTables(context.core, { programmeId: params.id });
    return { programme: programme!, canManage, years: years.map(({ year, published, draft, versions }) => ({ year, published, draft, versions })), nextYear: context.core.now().getUTCFullYear() + 1 };
  });
}

interface Result {
  errors: FieldError[];
  year: string;
}

/** Starts a draft for the year typed, then opens it. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'unit-cost:manage');
    const t = translatorFor(params.lang);
    const year = String((await readForm(request)).get('year') ?? '');
    const parsed = startDraftInput.safeParse({ year });
    if (!parsed.success) return data<Result>({ errors: zodFieldErrors(t, parsed.error), year }, { status: 400 });
    try {
      await startUnitCostDraft(context.core, { programmeId: params.id, year: parsed.data.year });
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      return data<Result>({ errors: domainFieldErrors(t, error, 'year'), year }, { status: error.status });
    }
    return redirect(`${unitCostPaths(t.locale, params.id).draft(parsed.data.year)}?started=1`);
  });
}

export default function AdminProgrammeUnitCosts() {
  const { programme, years, canManage, nextYear } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t, locale, date } = useI18n();
  const paths = unitCostPaths(locale, programme.id);
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('unitCosts.programme.title', { programme: programme.name })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/admin/unit-costs`}>
          {t('unitCosts.index.title')}
        </a>
      </p>
      <p className="ds-paragraph">{t('unitCosts.programme.lead')}</p>
      {years.length === 0 ? (
        <p className="ds-paragraph">{t('unitCosts.programme.empty')}</p>
      ) : (
        <DataTable columns={[{ label: t('unitCosts.column.year') }, { label: t('unitCosts.column.inUse') }, { label: t('unitCosts.column.draft') }, { label: t('unitCosts.column.versions'), numeric: true }]}>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">
                <a className="ds-link" href={paths.year(y.year)}>
                  {t('unitCosts.yearLink', { year: String(y.year) })}
                </a>
              </th>
              <td>{y.published ? t('unitCosts.publishedVersion', { version: y.published.version, date: date(y.published.publishedAt, 'medium') }) : t('unitCosts.index.none')}</td>
              <td>
                {y.draft ? (
                  <a className="ds-link" href={paths.draft(y.year)}>
                    {t('unitCosts.draftVersion', { version: y.draft.version })}
                  </a>
                ) : (
                  t('unitCosts.index.none')
                )}
              </td>
              <td className="numeric">{y.versions}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {canManage ? (
        <section aria-labelledby="start-draft">
          <h2 id="start-draft" className="ds-heading" data-size="sm">
            {t('unitCosts.start.title')}
          </h2>
          <p className="ds-paragraph">{t('unitCosts.start.lead')}</p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
          <Form method="post" className="narrow" noValidate>
            <TextField name="year" label={t('unitCosts.start.year')} errors={errors} defaultValue={result?.year ?? String(nextYear)} />
            <div>
              <button type="submit" className="ds-button" data-variant="primary">
                {t('unitCosts.start.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
