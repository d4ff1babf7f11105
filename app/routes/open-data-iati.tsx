import { data, useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { iatiPreviewQuery, listIatiRuleProblems, type IatiRuleProblemsPage } from '../../core/open-data/iati/list-iati-rule-problems.ts';
import { readIatiCheck, type IatiRuleSummary } from '../../core/open-data/iati/read-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { iatiFixHref } from '../open-data/iati-fix-link.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { PageNumbers } from '../ui/page-numbers.tsx';
import type { Route } from './+types/open-data-iati';

/**
 * The IATI publisher's preview (agency staff): the files, and every problem in them at once, summed up one
 * row per rule, each rule's problems a page at a time (`?rule=&page=`) linked to where each is fixed, and
 * all of them in one CSV. Every request reads the check a job made and stored (readIatiCheck, decision 024),
 * says when it was made, and says when changes since are being checked. A rule or page that does not exist
 * is said in the page's language (400), with the summary or the rule's first page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const organisationIdentifier = context.iatiOrganisationIdentifier ?? DEFAULT_IATI_ORGANISATION_IDENTIFIER;
    const url = new URL(request.url);
    const raw = { rule: url.searchParams.get('rule') || undefined, page: url.searchParams.get('page') || undefined };
    const { check, behind } = await readIatiCheck(context.core, { organisationIdentifier });
    // What the page shows of the stored check: its time, counts and one row per rule, never every problem.
    const summary = {
      organisationIdentifier,
      behind,
      check: check && {
        finishedAt: check.finishedAt.toISOString(),
        checkedOn: check.checkedOn,
        activities: check.activities,
        errors: check.errors,
        warnings: check.warnings,
        years: check.years,
      },
      rules: check?.rules ?? [],
    };

    const rule = iatiPreviewQuery.pick({ rule: true }).safeParse(raw);
    if (!rule.success) return data({ ...summary, inputErrors: zodFieldErrors(t, rule.error), list: null }, { status: 400 });
    if (!rule.data.rule || !check) return { ...summary, inputErrors: [] as FieldError[], list: null };

    const page = iatiPreviewQuery.pick({ page: true }).safeParse(raw);
    const inputErrors: FieldError[] = page.success ? [] : zodFieldErrors(t, page.error);
    let list: IatiRuleProblemsPage;
    try {
      list = await listIatiRuleProblems(context.core, { check, rule: rule.data.rule, page: page.data?.page });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'iatiPageOutOfRange')) throw error;
      inputErrors.push(domainFieldError(t, error));
      list = await listIatiRuleProblems(context.core, { check, rule: rule.data.rule });
    }
    return data({ ...summary, rules: [], inputErrors, list }, { status: inputErrors.length ? 400 : 200 });
  });
}

export default function OpenDataIati() {
  const preview = useLoaderData<typeof loader>();
  const { t, date, dateTime } = useI18n();
  const { check } = preview;
  return (
    <>
      <PageHeading title={t('openData.iati.title')} />
      <ErrorSummary heading={t('form.errorSummary')} errors={preview.inputErrors} />
      {check ? (
        <p className="ds-paragraph">{t('openData.iati.intro', { identifier: preview.organisationIdentifier, activities: check.activities, today: date(check.checkedOn) })}</p>
      ) : (
        <p className="ds-paragraph">{t('openData.iati.introUnchecked', { identifier: preview.organisationIdentifier })}</p>
      )}

      <h2 className="ds-heading" data-size="md">
        {t('openData.iati.files')}
      </h2>
      <ul className="ds-list">
        <li>
          <a className="ds-link" href="/open-data/iati/activities.xml">
            {t('openData.iati.allActivities')}
          </a>
        </li>
        {check && check.years.length > 0 && (
          <li>
            <span id="year-files">{t('openData.iati.byYear')}</span>
            {/* One short link per year, side by side: a list of thirty years would push the problems off the screen. */}
            <ul className="year-files" aria-labelledby="year-files">
              {check.years.map((year) => (
                <li key={year}>
                  <a className="ds-link" href={`/open-data/iati/${year}/activities.xml`} aria-label={t('openData.iati.yearActivities', { year: String(year) })}>
                    {year}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        )}
      </ul>

      <h2 className="ds-heading" data-size="md" id="problems">
        {t('openData.iati.problems')}
      </h2>
      {!check ? (
        <p className="ds-paragraph" role="status">
          {t('openData.iati.checkPending')}
        </p>
      ) : (
        <>
          <p className="ds-paragraph">{t('openData.iati.checkedAt', { time: dateTime(check.finishedAt) })}</p>
          {preview.behind && (
            <p className="ds-paragraph" role="status">
              {t('openData.iati.checkBehind')}
            </p>
          )}
          <p className="ds-paragraph">{t('openData.iati.problemCounts', { errors: check.errors, warnings: check.warnings })}</p>
          {check.errors + check.warnings === 0 ? <p className="ds-paragraph">{t('openData.iati.noProblems')}</p> : <ProblemsDownload />}
          {preview.list ? <RuleProblems list={preview.list} /> : check.errors + check.warnings > 0 && <RuleSummary rules={preview.rules} problems={check.errors + check.warnings} />}
        </>
      )}
    </>
  );
}

function ProblemsDownload() {
  const { t, locale } = useI18n();
  return (
    <p className="ds-paragraph">
      <a className="ds-link" href={`/${locale}/open-data/iati/problems.csv`} download>
        {t('openData.iati.downloadCsv')}
      </a>
    </p>
  );
}

/** One row per rule that found something: its kind, heading, how many problems and activities, linked to its list. */
function RuleSummary({ rules, problems }: { rules: IatiRuleSummary[]; problems: number }) {
  const { t, number, locale } = useI18n();
  return (
    <>
      <p className="ds-paragraph">{t('openData.iati.summaryHelp')}</p>
      <div className="table-scroll">
        <table className="ds-table" data-border="true" id="rule">
          <caption>{t('openData.iati.summaryCaption', { rules: rules.length, problems })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('openData.iati.column.rule')}</th>
              <th scope="col">{t('openData.iati.column.severity')}</th>
              <th scope="col" className="numeric">
                {t('openData.iati.column.problemCount')}
              </th>
              <th scope="col" className="numeric">
                {t('openData.iati.column.activityCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.rule}>
                <th scope="row">
                  <a className="ds-link" href={`/${locale}/open-data/iati?rule=${r.rule}#problems`}>
                    {t(`openData.iati.ruleHeading.${r.rule}`)}
                  </a>
                </th>
                <td>{t(`openData.iati.severity.${r.severity}`)}</td>
                <td className="numeric">{number(r.problems)}</td>
                <td className="numeric">{number(r.activities)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One rule's problems, a page at a time, each with its activity, message, path and where to fix it. */
function RuleProblems({ list }: { list: IatiRuleProblemsPage }) {
  const { t, number, locale } = useI18n();
  const heading = t(`openData.iati.ruleHeading.${list.summary.rule}`);
  const href = (n: number) => `/${locale}/open-data/iati?${new URLSearchParams(n > 1 ? { rule: list.summary.rule, page: String(n) } : { rule: list.summary.rule }).toString()}#problems`;
  return (
    <>
      <h3 className="ds-heading" data-size="sm">
        {t('openData.iati.ruleTitle', { severity: t(`openData.iati.severity.${list.summary.severity}`), rule: heading })}
      </h3>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/open-data/iati#problems`}>
          {t('openData.iati.allRules')}
        </a>
      </p>
      {list.summary.problems === 0 ? (
        <p className="ds-paragraph" id="page">
          {t('openData.iati.ruleNone')}
        </p>
      ) : (
        <>
          <p className="ds-paragraph" id="page">{t('openData.iati.ruleCounts', { problems: list.summary.problems, activities: list.summary.activities, page: number(list.page), pages: number(list.pages) })}</p>
          <div className="table-scroll">
            <table className="ds-table" data-border="true">
              <caption>{t('openData.iati.ruleCaption', { rule: heading, from: number(list.from), to: number(list.from + list.problems.length - 1), total: number(list.summary.problems) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('openData.iati.column.activity')}</th>
                  <th scope="col">{t('openData.iati.column.problem')}</th>
                  <th scope="col">{t('openData.iati.column.where')}</th>
                  <th scope="col">{t('openData.iati.column.fix')}</th>
                </tr>
              </thead>
              <tbody>
                {list.problems.map((p, i) => {
                  const fix = iatiFixHref(locale, p.fix);
                  return (
                    <tr key={`${p.identifier}-${p.path}-${i}`}>
                      <th scope="row">
                        <a className="ds-link" href={`/${locale}/partnerships/${p.partnershipId}`}>
                          {p.title}
                        </a>
                      </th>
                      <td>{t(`openData.iati.rule.${p.rule}`, p.params)}</td>
                      <td>
                        <code>{p.path}</code>
                      </td>
                      <td>
                        {fix ? (
                          <a className="ds-link" href={fix}>
                            {t(`openData.iati.fix.${p.fix.record}`)}
                          </a>
                        ) : (
                          t('openData.iati.fix.agency')
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <PageNumbers
            page={list.page}
            pages={list.pages}
            href={href}
            labels={{
              nav: t('openData.iati.pagination'),
              previous: t('openData.iati.previousPage'),
              next: t('openData.iati.nextPage'),
              page: (n) => t('openData.iati.pageNumber', { page: number(n) }),
              number: (n) => number(n),
            }}
          />
        </>
      )}
    </>
  );
}
