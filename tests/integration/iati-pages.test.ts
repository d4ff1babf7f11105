import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { IATI_PROBLEMS_PAGE_SIZE } from '../../core/open-data/iati/list-iati-rule-problems.ts';
import { makeIatiCheck } from '../../core/open-data/iati/make-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { iatiChecks } from '../../db/schema/iati-checks.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
/** The job's work, done here at once: these tests change rows directly, past the audit trail the job watches. */
const check = () => makeIatiCheck(coreContext({ db: server.db, actor: system('test') }), { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER, force: true });

function validates(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'iati-http-'));
  try {
    writeFileSync(join(dir, 'a.xml'), xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', join(process.cwd(), 'reference/iati/schema/iati-activities-schema.xsd'), join(dir, 'a.xml')], { encoding: 'utf8' });
    return `${run.status} ${run.stderr.trim()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the IATI files and the publisher’s preview', () => {
  it('serves every approved partnership to a visitor as a streamed IATI 2.03 file that validates, a hostile title included', async () => {
    const [first] = await server.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.status, 'active')).limit(1);
    await server.db.update(partnerships).set({ title: 'Exchange <script>&amp; "x" \u0001\u001f ]]>' }).where(eq(partnerships.id, first!.id));
    const response = await server.request('/open-data/iati/activities.xml', {}, 'visitor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    // PostgreSQL keeps no NUL: that and lone surrogates are in build-iati-activity.test.ts. Streamed: no length known beforehand, not gzipped whole in memory.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.body).toBeInstanceOf(ReadableStream);
    const xml = await response.text();
    expect(xml).toContain('<narrative>Exchange &lt;script&gt;&amp;amp; "x"  ]]&gt;</narrative>');
    expect(validates(xml)).toMatch(/^0 .*validates$/);
  });

  it('serves one year’s file, and none for a year without activities or that is not a year', async () => {
    const year = await server.request('/open-data/iati/2022/activities.xml', {}, 'visitor');
    expect(year.status).toBe(200);
    expect(validates(await year.text())).toMatch(/^0 /);
    const empty = await server.request('/open-data/iati/1991/activities.xml', {}, 'visitor');
    expect(empty.status).toBe(404);
    expect((await server.request('/open-data/iati/20x5/activities.xml', {}, 'visitor')).status).toBe(404);
    expect((await server.request('/open-data/iati/3000/activities.xml', {}, 'visitor')).status).toBe(404);
  });

  it('says the first check is being made until a check is stored, and has no CSV before it', async () => {
    await server.db.delete(iatiChecks);
    const page = await server.request('/nb/open-data/iati');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<p class="ds-paragraph" role="status">Den første kontrollen av filene pågår nå.');
    expect(html).not.toContain('<table');
    expect((await server.request('/nb/open-data/iati?rule=codeNotInList')).status).toBe(200);
    expect((await server.request('/nb/open-data/iati/problems.csv')).status).toBe(404);
  });

  it('sums every problem up on the preview, one row per rule linked to its list, with the files and the whole list as CSV', async () => {
    await check();
    const page = await server.request('/nb/open-data/iati');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('IATI-publisering');
    // The stored check, with its time; nothing changed since.
    expect(html).toMatch(/<p class="ds-paragraph">Dette er problemene kontrollen fra \d+\. [a-z]+\. \d{4}, \d\d:\d\d fant\./);
    expect(html).not.toContain('Det er gjort endringer etter den kontrollen');
    expect(html).toContain('href="/open-data/iati/activities.xml"');
    // A year's file: a short link named in full for a screen reader, in the list of years.
    expect(html).toContain('<ul class="year-files" aria-labelledby="year-files">');
    expect(html).toContain('<a class="ds-link" href="/open-data/iati/2025/activities.xml" aria-label="Aktiviteter som pågår i 2025">2025</a>');
    // Demo partners registered abroad without a number: a warning, summed up as its rule's row.
    expect(html).toContain('<caption>Problemer per regel, feil først');
    expect(html).toMatch(/<th scope="row"><a class="ds-link" href="\/nb\/open-data\/iati\?rule=organisationIdentifierMissing#problems">Deltakende organisasjon uten organisasjonsidentifikator<\/a><\/th><td>Advarsel<\/td><td class="numeric">\d+<\/td><td class="numeric">\d+<\/td>/);
    expect(html).toContain('href="/nb/open-data/iati/problems.csv"');
    // The summary lists no problem one by one: that is the rule's pages and the CSV.
    expect(html).not.toContain('#registrationNumber');
    // The rule's list: each problem with its activity, message, path and a link to the field to fix; one page, so no page links.
    const rule = await (await server.request('/nb/open-data/iati?rule=organisationIdentifierMissing')).text();
    expect(rule).toMatch(/<tr><th scope="row"><a class="ds-link" href="\/nb\/partnerships\/[0-9a-f-]{36}">[^<]+<\/a><\/th><td>[^<]+ har ingen organisasjonsidentifikator \(registreringsordning og nummer\)\.<\/td><td><code>participating-org\[\d\]\/@ref<\/code><\/td><td><a class="ds-link" href="\/nb\/organisations\/[0-9a-f-]{36}\/edit#registrationNumber">Organisasjonens opplysninger<\/a><\/td><\/tr>/);
    expect(rule).not.toContain('class="page-numbers"');
    // A change to what the export reads: the page says a new check is being made, until it is.
    await server.db.insert(auditLog).values({ actorLabel: 'test', action: 'partnership.updated', recordType: 'partnership', recordId: 'p' });
    expect(await (await server.request('/nb/open-data/iati')).text()).toContain('<p class="ds-paragraph" role="status">Det er gjort endringer etter den kontrollen: en ny kontroll pågår nå.');
    await check();
    expect(await (await server.request('/nb/open-data/iati')).text()).not.toContain('Det er gjort endringer etter den kontrollen');
    // Visitors are sent to sign in; partners may not see it.
    expect((await server.request('/en/open-data/iati', {}, 'visitor')).headers.get('location')).toContain('/en/sign-in');
    expect((await server.request('/en/open-data/iati', {}, 'coordinator')).status).toBe(403);
  });

  it('lists one rule’s problems a page at a time, each linked to where it is fixed, and says when a rule or page does not exist', async () => {
    // Every partner's type and every partnership's sector a code no list has: more than a page of one error.
    await server.db.update(organisations).set({ organisationType: '99' });
    await server.db.update(partnerships).set({ sectorCode: '99999' });
    await check();
    const summary = await (await server.request('/en/open-data/iati')).text();
    const [, total, activities] = summary.match(/rule=codeNotInList#problems">[^<]+<\/a><\/th><td>Error<\/td><td class="numeric">(\d+)<\/td><td class="numeric">(\d+)<\/td>/)!.map(Number);
    expect(total).toBeGreaterThan(IATI_PROBLEMS_PAGE_SIZE);
    const pages = Math.ceil(total! / IATI_PROBLEMS_PAGE_SIZE);

    const first = await server.request('/nb/open-data/iati?rule=codeNotInList');
    expect(first.status).toBe(200);
    const one = await first.text();
    expect(one).toContain(`<caption>Kode som ikke finnes i IATI-kodelisten: problem 1–${IATI_PROBLEMS_PAGE_SIZE} av ${total}</caption>`);
    expect(one).toContain(`${total} problemer i ${activities} aktiviteter. Side 1 av ${pages}.`);
    expect(one.match(/<tr><th scope="row"><a class="ds-link" href="\/nb\/partnerships\/[0-9a-f-]{36}">/g)).toHaveLength(IATI_PROBLEMS_PAGE_SIZE);
    expect(one.match(/<td><a class="ds-link" href="\/nb\/(organisations|applications|partnerships)\/[0-9a-f-]{36}[^"]*">/g)).toHaveLength(IATI_PROBLEMS_PAGE_SIZE);
    expect(one).toContain('Koden 99 finnes ikke i IATI-kodelisten OrganisationType.');
    expect(one).toContain('<code>participating-org[3]/@type</code>');
    expect(one).toContain('href="/nb/open-data/iati#problems"');
    // Plain links to the other pages, the current one marked.
    expect(one).toContain('<nav aria-label="Sider med problemene for denne regelen" class="page-numbers">');
    expect(one).toContain('href="/nb/open-data/iati?rule=codeNotInList&amp;page=2#problems" rel="next"');
    expect(one).toMatch(/aria-label="Side 1" aria-current="page"/);
    expect(one).not.toContain('rel="prev"');

    const last = await server.request(`/nb/open-data/iati?rule=codeNotInList&page=${pages}`);
    expect(last.status).toBe(200);
    const end = await last.text();
    expect(end).toContain(`problem ${(pages - 1) * IATI_PROBLEMS_PAGE_SIZE + 1}–${total} av ${total}</caption>`);
    expect(end.match(/<tr><th scope="row">/g)).toHaveLength(total! - (pages - 1) * IATI_PROBLEMS_PAGE_SIZE);
    expect(end).toContain(`href="/nb/open-data/iati?rule=codeNotInList${pages > 2 ? `&amp;page=${pages - 1}` : ''}#problems" rel="prev"`);
    expect(end).not.toContain('rel="next"');

    // A page past the last, or not a page: said in the page's language, with the rule's first page (400, never a 500).
    const past = await server.request(`/nb/open-data/iati?rule=codeNotInList&page=${pages + 1}`);
    expect(past.status).toBe(400);
    const pastHtml = await past.text();
    expect(pastHtml).toContain(`Listen har ${pages} sider: her er den første.`);
    expect(pastHtml).toContain(`problem 1–${IATI_PROBLEMS_PAGE_SIZE} av ${total}`);
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', '9999999', '%00']) {
      const response = await server.request(`/fr/open-data/iati?rule=codeNotInList&page=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.text(), bad).toContain('Un numéro de page est un nombre entier à partir de 1.');
    }
    // A rule that does not exist: the summary, with the message; what was typed is not shown back.
    for (const bad of ['nonsense', '%3Cscript%3E', 'constructor', 'IDENTIFIERPREFIX']) {
      const response = await server.request(`/es/open-data/iati?rule=${bad}&page=2`);
      expect(response.status, bad).toBe(400);
      const html = await response.text();
      expect(html, bad).toContain('La vista previa no comprueba ninguna regla con ese nombre');
      expect(html, bad).toContain('<caption>Problemas por regla, primero los errores');
      expect(html, bad).not.toContain('<script>');
    }
    // A rule that finds nothing (a link kept from before a fix): its one empty page.
    const none = await server.request('/en/open-data/iati?rule=dateOrder');
    expect(none.status).toBe(200);
    expect(await none.text()).toContain('This rule finds no problem in the files now.');
    expect((await server.request('/en/open-data/iati?rule=dateOrder&page=2')).status).toBe(400);
    // Partners may not page through it either.
    expect((await server.request('/en/open-data/iati?rule=codeNotInList&page=2', {}, 'coordinator')).status).toBe(403);

    // The CSV: every problem at once, the header in the page's language, the addresses whole.
    const csv = await server.request('/nb/open-data/iati/problems.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=iati-problems-\d{4}-\d{2}-\d{2}\.csv$/);
    // UTF-8 with a byte-order mark (kept here: text() would drop it), so spreadsheets read the letters right.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\ufeffType,Regel,Aktivitet,IATI-identifikator,Aktivitetens side,Hva som er galt,Hvor i filen,Hvor det rettes,Adressen der det rettes\r\n')).toBe(true);
    const rows = text.trimEnd().split('\r\n').slice(1);
    const [, errors, warnings] = summary.match(/(\d+) errors? and (\d+) warnings?/)!.map(Number);
    expect(rows).toHaveLength(errors! + warnings!);
    expect(rows.filter((r) => r.startsWith('Feil,Kode som ikke finnes i IATI-kodelisten,'))).toHaveLength(total!);
    expect(text).toMatch(/,http:\/\/localhost:3000\/nb\/partnerships\/[0-9a-f-]{36},.*har ingen organisasjonsidentifikator.*,participating-org\[\d+\]\/@ref,Organisasjonens opplysninger,http:\/\/localhost:3000\/nb\/organisations\/[0-9a-f-]{36}\/edit#registrationNumber\r\n/);
    expect((await server.request('/en/open-data/iati/problems.csv', {}, 'coordinator')).status).toBe(403);
    expect((await server.request('/en/open-data/iati/problems.csv', {}, 'visitor')).headers.get('location')).toContain('/en/sign-in');
  });
});
