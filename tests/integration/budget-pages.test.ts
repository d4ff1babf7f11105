import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { DEMO_RADIO_HEALTH } from '../../db/seed/demo-radio-health.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const post = (fields: [string, string][]) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('the budget pages, without JavaScript', () => {
  it('show the stored budget with its version, the partners’ local equivalents, other lines and the history', async () => {
    const [round] = await server.db.select().from(applications).where(eq(applications.title, `${DEMO_RADIO_HEALTH}: round 1`));
    const html = await (await server.request(`/en/applications/${round!.id}`)).text();
    expect(html).toMatch(/Version 1 of this round’s budget, recorded .*: first recorded\./);
    expect(html).toContain('Other line: Recording equipment for the shared health programmes');
    expect(html).toMatch(/≈ BOB[\s\u00a0][\d,.]+ at 1 BOB = 1\.\d+ NOK \(Norges Bank, /);
    expect(html).toMatch(/≈ GTQ/);
    expect(html).toContain('<caption>Every version of the round budgets, newest first</caption>');
    expect(html).toContain(`href="/en/applications/${round!.id}/budget.xlsx"`);
    expect(html).toContain(`href="/en/applications/${round!.id}/budget/other-lines"`);
  });

  it('let a coordinator add, change and remove an other line of a draft, every problem at once, and a stale save keeps what was typed', async () => {
    const [health] = await server.db.select().from(programmes).where(eq(programmes.code, 'health'));
    const [kathmandu] = await server.db.select().from(organisations).where(eq(organisations.legalName, 'Kathmandu Model Hospital'));
    const [bergen] = await server.db.select().from(organisations).where(eq(organisations.legalName, 'Bergen Kystsjukehus'));
    const call = await createCall(server.db, { programmeId: health!.id, stage: 'round' });
    const draft = await createApplication(server.db, { callId: call.id, partners: [kathmandu!, bergen!], status: 'draft', title: 'Budget page draft', flows: [{ from: 0, to: 1, startMonth: '2026-03' }, { from: 1, to: 0, startMonth: '2026-03' }] });
    const base = `/en/applications/${draft.id}/budget/other-lines`;
    const page = await (await server.request(base, {}, 'coordinator')).text();
    expect(page).toContain('Add an other line');

    const refused = await server.request(base, post([['intent', 'add'], ['round', '1'], ['organisationId', kathmandu!.id], ['label', ''], ['amount', '12,5'], ['justification', '']]), 'coordinator');
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    for (const field of ['label', 'amount', 'justification']) expect(refusedHtml).toContain(`href="#${field}"`);
    expect(refusedHtml).toContain('value="12,5"');

    const added = await server.request(base, post([['intent', 'add'], ['round', '1'], ['organisationId', kathmandu!.id], ['label', 'Interpreter'], ['amount', '25 000'], ['justification', 'Induction week.']]), 'coordinator');
    expect(added.status).toBe(302);
    expect(added.headers.get('location')).toBe(`${base}?done=added`);
    const app = await (await server.request(`/en/applications/${draft.id}`, {}, 'coordinator')).text();
    expect(app).toContain('Other line: Interpreter');
    expect(app).toContain('a partner’s other line changed');

    const listed = await (await server.request(base, {}, 'coordinator')).text();
    const lineId = listed.match(/href="\?edit=([0-9a-f-]{36})#line-form"/)![1]!;
    const editor = await (await server.request(`${base}?edit=${lineId}`, {}, 'coordinator')).text();
    const version = editor.match(/name="version" value="([^"]+)"/)![1]!;
    const change = (amount: string) => post([['intent', 'change'], ['lineId', lineId], ['version', version], ['label', 'Interpreter'], ['amount', amount], ['justification', 'Two weeks.']]);
    expect((await server.request(base, change('30 000'), 'coordinator')).status).toBe(302);
    const stale = await server.request(base, change('31 000'), 'coordinator');
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('value="31 000"');
    const current = staleHtml.match(/name="version" value="([^"]+)"/)![1]!;
    expect(current).not.toBe(version);
    const removed = await server.request(base, post([['intent', 'remove'], ['lineId', lineId], ['version', current]]), 'coordinator');
    expect(removed.headers.get('location')).toBe(`${base}?done=removed`);
    expect(await (await server.request(base, {}, 'coordinator')).text()).toContain('No other lines in this round.');
  });

  it('export every line as Excel, totals as SUM formulas stored with the page’s figures, and as CSV', async () => {
    const [round] = await server.db.select().from(applications).where(eq(applications.title, `${DEMO_RADIO_HEALTH}: round 1`));
    const xlsx = await server.request(`/nb/applications/${round!.id}/budget.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Budsjett')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Runde', 'Partnerorganisasjon', 'Utsending']);
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(String(totalRow.getCell(2).value)).toContain('Sum for runde 1');
    const roundTotal = totalRow.getCell(7).value as { formula: string; result: number };
    expect(roundTotal.formula).toMatch(/^SUM\(G\d+(,G\d+)*\)$/);
    // Each partner's SUM covers its lines, and the lines really add up to the stored results.
    let partnersSum = 0;
    for (const ref of roundTotal.formula.slice(4, -1).split(',')) {
      const cell = sheet.getCell(ref).value as { formula: string; result: number };
      const [, from, to] = cell.formula.match(/^SUM\(G(\d+):G(\d+)\)$/)!;
      let lines = 0;
      for (let r = Number(from); r <= Number(to); r++) lines += Math.round(Number(sheet.getRow(r).getCell(7).value ?? 0) * 100);
      expect(lines).toBe(Math.round(cell.result * 100));
      partnersSum += lines;
    }
    expect(partnersSum).toBe(Math.round(roundTotal.result * 100));
    const other = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => String(r.getCell(4).value).startsWith('Annen post'))!;
    expect(other.getCell(7).value).toBe(18_500);

    const csv = await server.request(`/en/applications/${round!.id}/budget.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['Round', 'Partner', 'Flow', 'Kind', 'Quantity', 'Unit cost', 'Amount', 'Currency', 'Justification']);
    expect(rows.find((r) => r.Kind === 'Other line: Interpreting Mam and K’iche’')).toMatchObject({ Amount: '12000', Currency: 'NOK' });
    expect((await server.request(`/en/applications/${round!.id}/budget.csv`, {}, 'visitor')).status).toBe(302);
  });

  it('list exchange rates with filters, enter one, and import a CSV naming every bad line at once', async () => {
    const list = await (await server.request('/en/finance/exchange-rates?currency=NPR&from=2026-06-01')).text();
    expect(list).toContain('<caption>Exchange rates, newest first</caption>');
    expect(list).toContain('0.078763');
    expect(list).not.toContain('<th scope="row">ETB</th>');
    const refused = await server.request('/en/finance/exchange-rates', post([['intent', 'record'], ['currency', 'NOK'], ['date', '2026-02-30'], ['rate', 'x'], ['source', '']]));
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    for (const field of ['currency', 'date', 'rate', 'source']) expect(refusedHtml).toContain(`href="#${field}"`);
    const recorded = await server.request('/en/finance/exchange-rates', post([['intent', 'record'], ['currency', 'npr'], ['date', '2026-12-15'], ['rate', '0.0801'], ['source', 'Norges Bank']]));
    expect(recorded.headers.get('location')).toBe('/en/finance/exchange-rates?done=recorded');

    const bad = await server.request('/en/finance/exchange-rates', post([['intent', 'import'], ['csv', 'date,currency,rate,source\n2027-01-01,ETB,0.075,Norges Bank\n2027-01-01,ETB,0.076,Norges Bank\n2027-13-01,MWK,0.006,Norges Bank\n']]));
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Line 3: ETB on 2027-01-01 already has a rate, or is in the file twice.');
    expect(badHtml).toContain('Line 4: check date.');
    const good = await server.request('/en/finance/exchange-rates', post([['intent', 'import'], ['csv', 'date,currency,rate,source\n2027-01-01,ETB,0.075,Norges Bank\n2027-01-01,MWK,0.006,Norges Bank\n']]));
    expect(good.headers.get('location')).toBe('/en/finance/exchange-rates?imported=2');
    expect(await (await server.request('/en/finance/exchange-rates?imported=2')).text()).toContain('2 rates imported.');
    expect((await server.request('/en/finance/exchange-rates', {}, 'coordinator')).status).toBe(403);
  });
});
