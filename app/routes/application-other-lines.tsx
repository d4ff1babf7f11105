import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { listOtherLines } from '../../core/budgets/list-other-lines.ts';
import { addOtherLine } from '../../core/budgets/add-other-line.ts';
import { removeOtherLine } from '../../core/budgets/remove-other-line.ts';
import { updateOtherLine } from '../../core/budgets/update-other-line.ts';
import { DomainError } from '../../core/errors.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, mergeFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { SelectField, TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/application-other-lines';

const fields = ['round', 'organisationId', 'label', 'amount', 'justification'] as const;
type Values = Record<(typeof fields)[number] | 'version' | 'lineId' | 'intent', string>;
const DONE = ['added', 'changed', 'removed'] as const;

/**
 * The partners' other lines of an application's budget (issue 11, point 6): each round's lines, and while
 * the application is editable a form to add one to a partner's part the reader coordinates, and one to
 * change or remove a line (`?edit=<line>`), each against the line's version.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const list = await listOtherLines(context.core, { applicationId: params.id });
    const url = new URL(request.url);
    const edit = url.searchParams.get('edit');
    const done = url.searchParams.get('done');
    const editing = list.lines.find((l) => l.id === edit && list.partners.find((p) => p.organisationId === l.organisationId)?.mayEdit) ?? null;
    return { ...list, editing, done: DONE.find((d) => d === done) ?? null };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries([...fields, 'version', 'lineId', 'intent'].map((f) => [f, String(form.get(f) ?? '')])) as Values;
    const back = (done: (typeof DONE)[number]) => redirect(`/${t.locale}/applications/${params.id}/budget/other-lines?done=${done}`);
    try {
      if (values.intent === 'remove') {
        await removeOtherLine(context.core, { applicationId: params.id, lineId: values.lineId, version: values.version });
        return back('removed');
      }
      if (values.intent === 'change') {
        await updateOtherLine(context.core, { applicationId: params.id, lineId: values.lineId, version: values.version, label: values.label, amount: values.amount, justification: values.justification });
        return back('changed');
      }
      await addOtherLine(context.core, { applicationId: params.id, round: /^\d{1,2}$/.test(values.round) ? Number(values.round) : -1, organisationId: values.organisationId, label: values.label, amount: values.amount, justification: values.justification });
      return back('added');
    } catch (error) {
      const stale = await staleSave(t, error, values, async () => (await listOtherLines(context.core, { applicationId: params.id })).lines.find((l) => l.id === values.lineId)?.version ?? values.version, 'label');
      if (stale) return stale;
      if (!(error instanceof DomainError) || error.status === 401 || error.status === 403 || error.status === 404) throw error;
      return data({ errors: mergeFieldErrors(domainFieldErrors(t, error, 'label'), fields), values }, { status: error.status });
    }
  });
}

export default function ApplicationOtherLines() {
  const { application, editable, rounds, partners, lines, editing, done } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: Values }>();
  const { t, money, locale } = useI18n();
  const errors = result?.errors ?? [];
  const typed = result?.values;
  const nameOf = (id: string) => partners.find((p) => p.organisationId === id)?.legalName ?? id;
  const mine = partners.filter((p) => p.mayEdit);
  // After a refused change the form shows the line being changed again, with what was typed.
  const changing = editing ?? (typed?.intent === 'change' || typed?.intent === 'remove' ? (lines.find((l) => l.id === typed.lineId) ?? null) : null);
  const amountOf = (minor: number) => String(minor / 100);
  return (
    <>
      <PageHeading title={t('budgets.otherLines.title', { title: application.title })} />
      <p className="ds-paragraph">{t('budgets.otherLines.lead')}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/applications/${application.id}`}>
          {t('budgets.otherLines.back')}
        </a>
      </p>
      <SuccessNotice text={done ? t(`budgets.otherLines.done.${done}`) : null} />
      {!editable ? <p className="ds-alert" data-color="info">{t('budgets.otherLines.locked')}</p> : null}
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {rounds.length === 0 ? <p className="ds-paragraph">{t('budgets.otherLines.noRounds')}</p> : null}
      {rounds.map((round) => {
        const own = lines.filter((l) => l.round === round);
        return (
          <section key={round} aria-labelledby={`other-round-${round}`}>
            <h2 id={`other-round-${round}`} className="ds-heading" data-size="sm">
              {t('budgets.otherLines.round', { round })}
            </h2>
            {own.length === 0 ? (
              <p className="ds-paragraph">{t('budgets.otherLines.none')}</p>
            ) : (
              <div className="table-scroll">
                <table className="ds-table" data-border="true">
                  <caption>{t('budgets.otherLines.round', { round })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('budgets.field.partner')}</th>
                      <th scope="col">{t('budgets.field.label')}</th>
                      <th scope="col" className="numeric">
                        {t('budgets.field.amount')}
                      </th>
                      <th scope="col">{t('budgets.field.justification')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {own.map((l) => (
                      <tr key={l.id}>
                        <td>{nameOf(l.organisationId)}</td>
                        <th scope="row">
                          {partners.find((p) => p.organisationId === l.organisationId)?.mayEdit ? (
                            <a className="ds-link" href={`?edit=${l.id}#line-form`}>
                              {l.label}
                            </a>
                          ) : (
                            l.label
                          )}
                        </th>
                        <td className="numeric">{money(l.amountMinor, l.currency)}</td>
                        <td>{l.justification}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      {changing ? (
        <section aria-labelledby="line-form" id="line-form-section">
          <h2 id="line-form" className="ds-heading" data-size="sm">
            {t('budgets.otherLines.lineHeading', { label: changing.label, partner: nameOf(changing.organisationId) })}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="lineId" value={changing.id} />
            <input type="hidden" name="version" value={typed?.version || changing.version} />
            <TextField name="label" label={t('budgets.field.label')} errors={errors} defaultValue={typed?.label ?? changing.label} />
            <TextField name="amount" label={t('budgets.field.amount')} hint={t('budgets.field.amountHint')} errors={errors} defaultValue={typed?.amount ?? amountOf(changing.amountMinor)} autoComplete="off" />
            <TextAreaField name="justification" label={t('budgets.field.justification')} errors={errors} defaultValue={typed?.justification ?? changing.justification} />
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="change" className="ds-button" data-variant="primary">
                {t('budgets.otherLines.save')}
              </button>
              <button type="submit" name="intent" value="remove" className="ds-button" data-variant="secondary">
                {t('budgets.otherLines.remove')}
              </button>
            </div>
          </Form>
        </section>
      ) : editable && mine.length > 0 && rounds.length > 0 ? (
        <section aria-labelledby="line-form">
          <h2 id="line-form" className="ds-heading" data-size="sm">
            {t('budgets.otherLines.add')}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="add" />
            <SelectField name="round" label={t('budgets.field.round')} errors={errors} options={rounds.map((r) => ({ value: String(r), label: t('budgets.otherLines.round', { round: r }) }))} defaultValue={typed?.round} />
            <SelectField name="organisationId" label={t('budgets.field.partner')} errors={errors} options={mine.map((p) => ({ value: p.organisationId, label: p.legalName }))} defaultValue={typed?.organisationId} />
            <TextField name="label" label={t('budgets.field.label')} errors={errors} defaultValue={typed?.label} />
            <TextField name="amount" label={t('budgets.field.amount')} hint={t('budgets.field.amountHint')} errors={errors} defaultValue={typed?.amount} autoComplete="off" />
            <TextAreaField name="justification" label={t('budgets.field.justification')} errors={errors} defaultValue={typed?.justification} />
            <div className="form-grid__actions">
              <button type="submit" className="ds-button" data-variant="primary">
                {t('budgets.otherLines.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
