import { data, useLoaderData } from 'react-router';
import { CALL_PHASES, listCalls, listCallsInput } from '../../core/calls/list-calls.ts';
import { can } from '../../core/identity/permissions.ts';
import { listProgrammes } from '../../core/programmes/list-programmes.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { phaseMessage, stageMessage } from '../calls/call-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { PhaseTag } from '../calls/phase-tag.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import type { FieldError } from '../ui/field-errors.ts';
import { SelectField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/calls';

/** The public list of calls for applications, filtered by programme and phase with a plain GET form. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const raw = { programme: url.searchParams.get('programme') ?? '', phase: url.searchParams.get('phase') ?? '' };
  const programmes = (await listProgrammes(context.core)).map(({ id, name }) => ({ id, name }));
  const canManage = can(context.core.actor, 'call:manage');
  const parsed = listCallsInput.safeParse(raw);
  const errors: FieldError[] = [];
  const t = translatorFor(params.lang);
  if (!parsed.success) {
    for (const field of new Set(parsed.error.issues.map((i) => String(i.path[0])))) {
      errors.push({ field, message: t.t(field === 'phase' ? 'calls.error.unknownPhase' : 'calls.error.unknownProgramme') });
    }
  } else if (parsed.data.programme && !programmes.some((p) => p.id === parsed.data.programme)) {
    errors.push({ field: 'programme', message: t.t('calls.error.unknownProgramme') });
  }
  if (!parsed.success || errors.length > 0) return data({ raw, programmes, errors, calls: null, canManage }, { status: 400 });
  return { raw, programmes, errors, calls: await listCalls(context.core, parsed.data), canManage };
}

export default function Calls() {
  const { raw, programmes, errors, calls, canManage } = useLoaderData<typeof loader>();
  const { t, locale, date, money } = useI18n();
  return (
    <>
      <PageHeading title={t('calls.title')} />
      <p className="ds-paragraph">{t('calls.lead')}</p>
      {canManage ? (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="secondary" href={`/${locale}/admin/calls/new`}>
            {t('call.new.title')}
          </a>{' '}
          <a className="ds-link" href={`/${locale}/admin/programmes`}>
            {t('calls.manageProgrammes')}
          </a>
        </p>
      ) : null}

      <ErrorSummary heading={t('calls.error.summary')} errors={errors} />
      <form method="get" className="filter-form" aria-labelledby="filter-title">
        <h2 id="filter-title" className="ds-heading" data-size="xs">
          {t('calls.filter.heading')}
        </h2>
        <SelectField
          name="programme"
          label={t('calls.filter.programme')}
          errors={errors}
          defaultValue={raw.programme}
          options={[{ value: '', label: t('calls.filter.allProgrammes') }, ...programmes.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField
          name="phase"
          label={t('calls.filter.phase')}
          errors={errors}
          defaultValue={raw.phase}
          options={[{ value: '', label: t('calls.filter.allPhases') }, ...CALL_PHASES.map((p) => ({ value: p, label: t(phaseMessage[p]) }))]}
        />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('calls.filter.submit')}
          </button>
          <a className="ds-link" href={`/${locale}/calls`}>
            {t('calls.filter.reset')}
          </a>
        </div>
      </form>

      {calls ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="ds-heading" data-size="sm">
            {t('calls.count', { count: calls.length })}
          </h2>
          {calls.length === 0 ? (
            <p className="ds-paragraph">{t('calls.empty')}</p>
          ) : (
            <DataTable
              columns={[
                { label: t('calls.column.title') },
                { label: t('calls.column.opens') },
                { label: t('calls.column.deadline') },
                { label: t('calls.column.ceiling'), numeric: true },
                { label: t('calls.column.phase') },
              ]}
            >
              {calls.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a className="ds-link" href={`/${locale}/calls/${c.id}`}>
                      {c.title}
                    </a>
                    <br />
                    <span className="field-hint">{t('calls.programmeAndStage', { programme: c.programmeName, stage: t(stageMessage[c.stage]) })}</span>
                  </th>
                  <td>{date(c.opensOn, 'medium')}</td>
                  <td>{t('calls.deadlineUntil', { date: date(c.deadline, 'medium') })}</td>
                  <td className="numeric">{money(c.budgetCeilingMinor, c.currency)}</td>
                  <td>
                    <PhaseTag phase={c.phase} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
    </>
  );
}
