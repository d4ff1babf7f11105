import { useI18n } from '../ui/i18n-context.tsx';
import { shapeMessage } from '../partnerships/shape-name.ts';

interface Rules {
  name: string;
  minAge: number;
  maxAge: number;
  stayMonths: number[];
  allowedShapes: string[];
  documents: string[];
}

const isShape = (s: string): s is keyof typeof shapeMessage => s in shapeMessage;

/** A programme's eligibility rules and documents checklist, as applicants read them on a call's page. */
export function ProgrammeRules({ programme: p }: { programme: Rules }) {
  const { t, number } = useI18n();
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title" className="ds-heading" data-size="sm">
        {t('call.rules.title', { programme: p.name })}
      </h2>
      <dl className="facts">
        <dt>{t('call.rules.ages')}</dt>
        <dd>{t('call.rules.agesValue', { min: p.minAge, max: p.maxAge })}</dd>
        <dt>{t('call.rules.stay')}</dt>
        <dd>{t('call.rules.stayValue', { months: p.stayMonths.map((m) => number(m)).join(', ') })}</dd>
        <dt>{t('call.rules.shapes')}</dt>
        <dd>{p.allowedShapes.filter(isShape).map((s) => t(shapeMessage[s])).join(', ')}</dd>
      </dl>
      <h3 className="ds-heading" data-size="xs">
        {t('call.rules.documents')}
      </h3>
      {p.documents.length ? (
        <ul className="ds-list">
          {p.documents.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t('call.rules.noDocuments')}</p>
      )}
    </section>
  );
}
