import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { NotFoundError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { getUnitCostTable } from '../../core/unit-costs/get-unit-cost-table.ts';
import { getUnitCostVersion } from '../../core/unit-costs/get-unit-cost-version.ts';
import { updateUnitCostDraft } from '../../core/unit-costs/update-unit-cost-draft.ts';
import type { CoreContext } from '../../core/context.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { isFormRefusal } from '../calls/call-form.server.ts';
import { UnitCostFields, type UnitCostValues } from '../unit-costs/unit-cost-fields.tsx';
import { parseUnitCostForm, readUnitCostForm, unitCostValues } from '../unit-costs/unit-cost-form.server.ts';
import { unitCostPaths, yearParam } from '../unit-costs/unit-cost-labels.ts';
import { UnitCostTableView } from '../unit-costs/unit-cost-table-view.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/admin-unit-cost-draft';

/** The year's draft (not found when there is none), with its programme. */
async function findDraft(ctx: CoreContext, programmeId: string, yearText: string | undefined) {
  const year = yearParam(yearText);
  if (year === null) throw new NotFoundError('unitCostTable');
  const found = await getUnitCostTable(ctx, { programmeId, year });
  if (!found.draft) throw new NotFoundError('unitCostTable');
  const { table } = await getUnitCostVersion(ctx, { tableId: found.draft.id });
  return { found, table, year };
}

/**
 * The draft of a programme's next unit-cost table for a year: an editor for finance officers and
 * administrators (the whole table in one plain form, saved against the draft's version), the rates
 * as tables for programme advisers.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const { found, table, year } = await findDraft(context.core, params.id, params.year);
    const t = translatorFor(params.lang);
    return {
      programme: found.programme,
      year,
      canManage: found.canManage,
      draft: { version: table.version, rates: table.rates, basedOn: found.versions.find((v) => v.id === table.basedOnId)?.version ?? null, basedOnOtherYear: table.basedOnId !== null && !found.versions.some((v) => v.id === table.basedOnId) },
      values: unitCostValues(t, table.rates),
      updatedAt: table.updatedAt.toISOString(),
    };
  });
}

interface Result {
  errors: FieldError[];
  values: UnitCostValues;
  version: string;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'unit-cost:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = readUnitCostForm(form);
    const version = String(form.get('version') ?? '');
    const { table, year } = await findDraft(context.core, params.id, params.year);
    const { input, errors } = parseUnitCostForm(t, values);
    if (!input) return data<Result>({ errors, values, version }, { status: 400 });
    try {
      await updateUnitCostDraft(context.core, { tableId: table.id, ...input, version });
    } catch (error) {
      // Someone saved in between: keep what this person typed, and let them save over it knowingly.
      const stale = await staleSave(t, error, values, async () => (await getUnitCostVersion(context.core, { tableId: table.id })).table.updatedAt.toISOString(), 'allowances.A');
      if (stale) return stale;
      if (!isFormRefusal(error)) throw error;
      return data<Result>({ errors: domainFieldErrors(t, error, 'allowances.A'), values, version }, { status: error.status });
    }
    return redirect(`${unitCostPaths(t.locale, params.id).draft(year)}?saved=1`);
  });
}

export default function AdminUnitCostDraft() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const [search] = useSearchParams();
  const { t, locale } = useI18n();
  const { programme, year, draft } = loaded;
  const paths = unitCostPaths(locale, programme.id);
  const errors = result?.errors ?? [];
  const notice = result ? null : search.has('saved') ? t('unitCosts.draft.saved') : search.has('started') ? t('unitCosts.draft.started', { version: draft.version }) : null;
  return (
    <>
      <PageHeading title={t('unitCosts.draft.title', { programme: programme.name, year: String(year), version: draft.version })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={paths.year(year)}>
          {t('unitCosts.year.title', { programme: programme.name, year: String(year) })}
        </a>
      </p>
      <SuccessNotice text={notice} />
      <p className="ds-paragraph">
        {draft.basedOn !== null ? t('unitCosts.draft.basedOn', { version: draft.basedOn }) : draft.basedOnOtherYear ? t('unitCosts.draft.basedOnEarlierYear') : t('unitCosts.draft.fromScratch')}
      </p>
      {loaded.canManage ? (
        <>
          <p className="ds-paragraph">{t('unitCosts.draft.lead')}</p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={result?.version ?? loaded.updatedAt} />
            <UnitCostFields values={result?.values ?? loaded.values} errors={errors} />
            <div className="form-grid__actions action-row">
              <button type="submit" className="ds-button" data-variant="primary">
                {t('unitCosts.draft.submit')}
              </button>
              <a className="ds-link" href={paths.publish(year)}>
                {t('unitCosts.year.reviewPublish', { version: draft.version })}
              </a>
            </div>
          </Form>
        </>
      ) : (
        <UnitCostTableView rates={draft.rates} idPrefix="draft" />
      )}
    </>
  );
}
