import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const registration = (fields: Record<string, string>) => ({ countryCode: 'NO', organisationType: '22', notADuplicate: 'yes', ...fields });
/** The radio buttons offered for the city: value and label. */
const offered = (html: string) => [...html.matchAll(/<input[^>]*type="radio"[^>]*name="cityId"[^>]*value="(\d+)"[^>]*>\s*<label[^>]*>([^<]*)<\/label>/g)].map((m) => [m[1], m[2]]);
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');

describe('registering an organisation whose city is several places, without JavaScript', () => {
  it('offers the places, told apart, keeping everything typed, and registers the one chosen', async () => {
    const asked = await server.request('/en/organisations/new', form(registration({ legalName: 'Vik Kystkultur', city: 'Vik', website: 'https://vik.example.no' })));
    expect(asked.status).toBe(400);
    const html = await asked.text();
    expect(html).toContain(escaped(catalogs.en['error.cityAmbiguous'].replace('{city}', 'Vik')));
    expect(html).toContain('href="#city"');
    expect(html).toContain('<legend class="ds-label">Which Vik do you mean?</legend>');
    expect(offered(html)).toEqual([
      ['7288344', 'Vik, region 46, 2,899 inhabitants (61.06° N, 6.58° E)'],
      ['3131781', 'Vik, region 09, 365 inhabitants (65.31° N, 12.17° E)'],
      ['7626338', 'Vik, region 30, 0 inhabitants (60.08° N, 10.28° E)'],
    ]);
    expect(html).toContain('name="cityChoiceFor" value="NO|Vik"');
    expect(html).toContain('value="Vik Kystkultur"');
    expect(html).toContain('value="https://vik.example.no"');

    // Another field wrong after choosing: the same places again, the choice still ticked.
    const again = await server.request('/en/organisations/new', form(registration({ legalName: 'Vik Kystkultur', city: 'Vik', cityId: '3131781', cityChoiceFor: 'NO|Vik', website: 'not an address' })));
    expect(again.status).toBe(400);
    const againHtml = await again.text();
    expect(offered(againHtml)).toHaveLength(3);
    expect(againHtml).toMatch(/type="radio"[^>]*checked=""[^>]*value="3131781"/);

    const saved = await server.request('/en/organisations/new', form(registration({ legalName: 'Vik Kystkultur', city: 'Vik', cityId: '3131781', cityChoiceFor: 'NO|Vik' })));
    expect(saved.status).toBe(302);
    const page = await (await server.request(saved.headers.get('location')!)).text();
    expect(page).toContain('Vik, Norway (65.31° N, 12.17° E)');
  });

  it('forgets a choice made for another city, matching the city as typed now', async () => {
    const saved = await server.request('/nb/organisations/new', form(registration({ legalName: 'Bergen Kystkultur', city: 'Bergen', cityId: '3131781', cityChoiceFor: 'NO|Vik' })));
    expect(saved.status).toBe(302);
    const [row] = await server.db.select().from(organisations).where(eq(organisations.legalName, 'Bergen Kystkultur'));
    expect(row).toMatchObject({ city: 'Bergen', cityId: 3161732 });
  });

  it('asks for the nearest town when the city is not in the list, in the page’s language', async () => {
    const refused = await server.request('/es/organisations/new', form(registration({ legalName: 'Tejedoras de Lalitpur', countryCode: 'NP', city: 'Lalitpur' })));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(escaped(catalogs.es['error.cityNotFound'].replace('{city}', 'Lalitpur')));
    expect(html).toContain('value="Tejedoras de Lalitpur"');
    expect(offered(html)).toEqual([]);
  });
});

describe('an organisation’s page and its place', () => {
  it('shows the matched place, and tells those who may edit an unmatched one how to fix it', async () => {
    const [bergen] = await server.db.select().from(organisations).where(eq(organisations.legalName, 'Bergen Kystsjukehus'));
    const matched = await (await server.request(`/nn/organisations/${bergen!.id}`, {}, 'visitor')).text();
    expect(matched).toContain(catalogs.nn['organisation.field.place']);
    expect(matched).toContain('Bergen, Noreg (60,39° N, 5,32° Ø)');

    const unmatched = await createOrganisation(server.db, { legalName: 'Vik Sjøbruk', countryCode: 'NO', city: 'Vik' });
    const editor = await (await server.request(`/en/organisations/${unmatched.id}`)).text();
    expect(editor).toContain(catalogs.en['organisation.place.unmatchedTitle']);
    expect(editor).toContain(escaped(catalogs.en['organisation.place.unmatched'].replace('{city}', 'Vik')));
    expect(editor).toContain(`href="/en/organisations/${unmatched.id}/edit"`);
    const visitor = await (await server.request(`/en/organisations/${unmatched.id}`, {}, 'visitor')).text();
    expect(visitor).not.toContain(catalogs.en['organisation.place.unmatchedTitle']);
    expect(visitor).not.toContain(catalogs.en['organisation.field.place']);

    // Fixed by editing: the city's places are offered, and the one chosen is kept.
    const edit = await (await server.request(`/en/organisations/${unmatched.id}/edit`)).text();
    const version = edit.match(/name="version" value="([^"]+)"/)![1]!;
    const fields = { legalName: 'Vik Sjøbruk', countryCode: 'NO', city: 'Vik', organisationType: '22', version };
    const asked = await server.request(`/en/organisations/${unmatched.id}/edit`, form(fields));
    expect(asked.status).toBe(400);
    expect(offered(await asked.text())).toHaveLength(3);
    const saved = await server.request(`/en/organisations/${unmatched.id}/edit`, form({ ...fields, cityId: '7288344', cityChoiceFor: 'NO|Vik' }));
    expect(saved.status).toBe(302);
    const fixed = await (await server.request(`/en/organisations/${unmatched.id}`)).text();
    expect(fixed).toContain('Vik, Norway (61.06° N, 6.58° E)');
    expect(fixed).not.toContain(catalogs.en['organisation.place.unmatchedTitle']);
  });
});
