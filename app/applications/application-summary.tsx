import type { ApplicationDetail } from '../../core/applications/get-application.ts';
import { MARKERS } from '../../core/applications/markers.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

/** The application as it stands, section by section, for reading (partners, the agency). */
export function ApplicationSummary({ detail, names }: { detail: ApplicationDetail; names: { sector: string | null; sectorLang?: string; goals: string[] } }) {
  const { t, number } = useI18n();
  const a = detail.application;
  const nameOf = new Map(detail.partners.map((p) => [p.organisationId, p.legalName]));
  const remarks = (section: string) => detail.remarks.filter((r) => r.section === section);
  const Section = ({ id, children }: { id: string; children: React.ReactNode }) => (
    <section aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`} className="ds-heading" data-size="sm">
        {t(`application.step.${id}` as MessageKey)}
      </h2>
      {remarks(id).map((r) => (
        <p key={r.id} className="ds-alert preserve-lines" data-color="warning">
          {t('application.remarks.inline', { remark: r.remark })}
        </p>
      ))}
      {children}
    </section>
  );
  return (
    <>
      <Section id="basics">
        <p className="ds-paragraph preserve-lines">{a.summary || t('application.notGiven')}</p>
      </Section>
      <Section id="focus">
        <dl className="facts">
          <dt>{t('application.field.sector')}</dt>
          <dd lang={names.sector ? names.sectorLang : undefined}>{names.sector ?? t('application.notGiven')}</dd>
          <dt>{t('application.field.sdgGoals')}</dt>
          <dd>{names.goals.length ? names.goals.join('; ') : t('application.notGiven')}</dd>
          <dt>{t('application.field.sdgTargets')}</dt>
          <dd>{a.sdgTargets.length ? a.sdgTargets.join(', ') : t('application.notGiven')}</dd>
          {MARKERS.map((m) => (
            <div key={m.code} className="facts__row">
              <dt>{t(`application.marker.${m.code}`)}</dt>
              <dd>{t(`application.significance.${a.markers[m.code] ?? 0}`)}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="goals">
        {detail.goals.length === 0 ? <p className="ds-paragraph">{t('application.goals.none')}</p> : null}
        {detail.goals.map((g) => (
          <div key={g.id} className="goal">
            <h3 className="ds-heading" data-size="2xs">
              {t('application.goals.of', { owner: g.organisationId ? (nameOf.get(g.organisationId) ?? '') : t('application.goals.shared') })}
            </h3>
            <p className="ds-paragraph">{g.description}</p>
            <ul className="ds-list">
              {g.indicators.map((i) => (
                <li key={i.id}>
                  {t('application.goals.indicatorLine', { indicator: i.description, baseline: i.baseline, target: i.target })}
                  {i.level ? ` · ${t(`results.level.${i.level}`)}` : ''}
                  {i.countsPeople ? ` · ${t('results.indicator.people')}` : ''}
                  {i.sdgTargets.length ? ` · ${t('results.indicator.sdgList', { targets: i.sdgTargets.join(', ') })}` : ''}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Section>
      <Section id="plan">
        {detail.flows.length === 0 ? (
          <p className="ds-paragraph">{t('application.plan.empty')}</p>
        ) : (
          <DataTable columns={[{ label: t('application.plan.round') }, { label: t('application.plan.flow') }, { label: t('application.plan.participants'), numeric: true }, { label: t('application.plan.months'), numeric: true }, { label: t('application.plan.start') }, { label: t('application.plan.competence') }, { label: t('application.plan.purpose') }]}>
            {detail.flows.map((f) => (
              <tr key={f.id}>
                <td>{number(f.round)}</td>
                <th scope="row">{t('application.plan.flowName', { from: nameOf.get(f.sendingOrganisationId) ?? '', to: nameOf.get(f.hostOrganisationId) ?? '' })}</th>
                <td className="numeric">{number(f.participants)}</td>
                <td className="numeric">{number(f.months)}</td>
                <td>{f.startMonth}</td>
                <td>{f.competence}</td>
                <td>{f.purpose}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="emergency">
        <p className="ds-paragraph preserve-lines">{a.emergencyPlan || t('application.notGiven')}</p>
      </Section>
    </>
  );
}
