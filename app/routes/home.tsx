import { useLoaderData, useRouteLoaderData } from 'react-router';
import { getHomeFigures } from '../../core/home/get-home-figures.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { loader as rootLoader } from '../root.tsx';
import type { Route } from './+types/home';

export async function loader({ context }: Route.LoaderArgs) {
  const figures = await getHomeFigures(context.core);
  return { figures, countedAt: new Date().toISOString() };
}

const methodPoints = ['local', 'reciprocity', 'participants', 'learning'] as const;
const shapes = ['northSouth', 'southSouth', 'triangular'] as const;

export default function Home() {
  const { figures, countedAt } = useLoaderData<typeof loader>();
  // The root loader already read the agency for the header.
  const agencyName = useRouteLoaderData<typeof rootLoader>('root')?.agency.name ?? '';
  const { t, number, date, locale } = useI18n();
  const figureItems: { key: MessageKey; value: number }[] = [
    { key: 'home.figures.organisations', value: figures.organisations },
    { key: 'home.figures.partnerships', value: figures.partnerships },
    { key: 'home.figures.countries', value: figures.countries },
    { key: 'home.figures.participants', value: figures.participants },
  ];
  return (
    <>
      <title>{t('layout.pageTitle', { page: t('home.title'), agency: agencyName })}</title>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="ds-heading" data-size="xl">
          {t('home.title')}
        </h1>
        <p className="ds-paragraph hero__lead" data-size="lg">
          {t('home.lead', { agency: agencyName })}
        </p>
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="ds-heading" data-size="md">
          {t('home.figures.heading')}
        </h2>
        <ul className="figures">
          {figureItems.map(({ key, value }) => (
            <li key={key} className="ds-card figures__item">
              <span className="figures__value">{number(value)}</span>
              <span className="figures__label">{t(key, { count: value })}</span>
            </li>
          ))}
        </ul>
        <p className="ds-paragraph" data-size="sm">
          {t('home.figures.source', { date: date(countedAt) })}
        </p>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/statistics`}>
            {t('statistics.home.link')}
          </a>
        </p>
      </section>

      <section aria-labelledby="method-title">
        <h2 id="method-title" className="ds-heading" data-size="md">
          {t('home.method.heading')}
        </h2>
        <div className="cards">
          {methodPoints.map((point) => (
            <article key={point} className="ds-card">
              <h3 className="ds-heading" data-size="xs">
                {t(`home.method.${point}.title`)}
              </h3>
              <p className="ds-paragraph">{t(`home.method.${point}.text`)}</p>
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="shapes-title">
        <h2 id="shapes-title" className="ds-heading" data-size="md">
          {t('home.shapes.heading')}
        </h2>
        <dl className="shapes">
          {shapes.map((shape) => (
            <div key={shape} className="shapes__item">
              <dt className="ds-heading" data-size="xs">
                {t(`home.shapes.${shape}.title`)}
              </dt>
              <dd className="ds-paragraph">{t(`home.shapes.${shape}.text`)}</dd>
            </div>
          ))}
        </dl>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/organisations`}>
            {t('home.directoryLink')}
          </a>
        </p>
      </section>
    </>
  );
}
