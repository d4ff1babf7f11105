import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalogs.ts';
import { OPEN_DATA_COLUMNS, OPEN_DATASETS } from '../../core/open-data/open-data-columns.ts';
import { openDataWorld } from '../support/open-data-world.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const fr = catalogs.fr;
const visitor = (path: string) => server.request(path, undefined, 'visitor');
/** A message as React writes it into the page. */
const html = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;');

let world: Awaited<ReturnType<typeof openDataWorld>>;
beforeAll(async () => {
  world = await openDataWorld(server.db);
}, 120_000);

describe('the open-data page, without JavaScript', () => {
  it('lists every dataset with its files, template and data dictionary, the IATI files and the notes, in French', async () => {
    const response = await visitor('/fr/open-data');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).not.toContain('<script');
    expect(page).toContain(`<h1 class="ds-heading" data-size="lg">${fr['openData.page.title']}</h1>`);
    for (const dataset of OPEN_DATASETS) {
      expect(page).toContain(`href="/api/v1/open-data/${dataset}.csv"`);
      expect(page).toContain(`href="/api/v1/open-data/${dataset}.json"`);
      expect(page).toContain(`href="/api/v1/open-data/templates/${dataset}.csv"`);
      expect(page).toContain(`<caption>${html(fr['openData.page.dictionaryCaption'].replace('{dataset}', fr[`openData.dataset.${dataset}.name`]))}</caption>`);
      // The dictionary: every column, what it holds in French, an example.
      for (const column of OPEN_DATA_COLUMNS[dataset]) {
        expect(page).toContain(`<th scope="row"><code>${column.name}</code></th><td>${html(fr[column.description])}</td>`);
      }
    }
    expect(page).toContain('<th scope="col">' + fr['openData.page.column.meaning'] + '</th>');
    // The IATI files, the one of every year the partnerships are active in.
    expect(page).toContain('href="/open-data/iati/activities.xml"');
    for (const year of [2024, 2025, 2026, 2027]) expect(page).toContain(`href="/open-data/iati/${year}/activities.xml"`);
    expect(page).toContain(html(fr['openData.page.currency']));
    expect(page).toContain(html(fr['openData.page.provisional'].replace('{year}', String(new Date().getUTCFullYear()))).slice(0, 30));
  });

  it('is linked from the statistics page and the footer', async () => {
    const statistics = await (await visitor('/fr/statistics')).text();
    expect(statistics.match(/href="\/fr\/open-data"/g)?.length).toBe(2);
    expect(statistics).toContain(html(fr['openData.link.statistics']));
  });
});

describe('published lessons learned on the partnership page', () => {
  it('shows the accepted report’s lessons the partner opted to publish, and never a private, submitted or returned one', async () => {
    const page = await (await visitor(`/fr/partnerships/${world.partnership.id}`)).text();
    expect(page).toContain(`<h2 id="lessons-title" class="ds-heading" data-size="sm">${fr['openData.lessons.title']}</h2>`);
    expect(page).toContain(html(fr['openData.lessons.heading'].replace('{partner}', '=Kamuzu Central Hospital').replace('{round}', '1')));
    expect(page).toContain('Training in pairs worked better than courses.');
    for (const hidden of ['Secret lessons of Førde.', 'Lessons still under review.', 'Lessons sent back.']) expect(page).not.toContain(hidden);
  });
});
