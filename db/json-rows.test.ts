import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from './factories/application-factory.ts';
import { createGoalWithIndicators } from './factories/result-report-factory.ts';
import { fromJsonRows, jsonList, jsonRowOf, jsonPageFields, jsonPageQuery, fromJsonPage } from './json-rows.ts';
import { rawRows } from './raw-rows.ts';
import { applications, goalIndicators, planFlows } from './schema/applications.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

/** The rows of `table` for one application read twice: by the query builder, and as one json_agg read back. */
async function bothWays<T extends typeof applications | typeof goalIndicators | typeof planFlows>(table: T, where: ReturnType<typeof eq>, order: ReturnType<typeof asc>) {
  const columns = getTableColumns(table);
  const direct = await testDb.db.select().from(table as typeof applications).where(where).orderBy(order);
  const [row] = await rawRows<{ list: unknown[][] | null }>(testDb.db, sql`select (select json_agg(${jsonRowOf(columns)} order by ${order}) from ${table} where ${where}) as list`);
  return { direct, viaJson: fromJsonRows(columns, row!.list) };
}

describe('rows read inside json_agg', () => {
  it('come back as the query builder reads them: dates as Date, numbers as numbers, JSON as objects, nulls as null', async () => {
    const application = await createApplication(testDb.db, { title: 'Nurses between Lilongwe and Bergen', markers: { gender: 1 }, approvedStartsOn: '2026-03-01', approvedAmountMinor: 1_250_000_00, submittedAt: new Date('2026-02-03T10:11:12.345Z') });
    await createGoalWithIndicators(testDb.db, { applicationId: application.id, indicators: [{ description: 'Midwives trained', baseline: '12.5', target: '40' }, { description: 'A shared ward routine', baseline: 'none', target: 'written' }] });

    const heads = await bothWays(applications, eq(applications.id, application.id), asc(applications.id));
    expect(heads.viaJson).toEqual(heads.direct);
    expect(heads.viaJson[0]!.submittedAt).toBeInstanceOf(Date);
    expect(heads.viaJson[0]!.markers).toEqual({ gender: 1 });

    const indicators = await bothWays(goalIndicators, sql`${goalIndicators.goalId} in (select id from application_goals where application_id = ${application.id})` as ReturnType<typeof eq>, asc(goalIndicators.position));
    expect(indicators.viaJson).toEqual(indicators.direct);
    expect(indicators.viaJson.map((i) => i.baselineValue)).toEqual([12.5, null]);

    const flows = await bothWays(planFlows, eq(planFlows.applicationId, application.id), asc(planFlows.createdAt));
    expect(flows.viaJson.length).toBeGreaterThan(0);
    expect(flows.viaJson).toEqual(flows.direct);
    expect(fromJsonRows(getTableColumns(planFlows), null)).toEqual([]);
  });

  it('keeps a list to its own record in a query of one table, where Drizzle writes top-level columns without their table', async () => {
    const first = await createApplication(testDb.db, { title: 'Radio health between Kathmandu and Førde' });
    const second = await createApplication(testDb.db, { title: 'Teachers between Cochabamba and Quetzaltenango' });
    const columns = getTableColumns(planFlows);
    const [row] = await testDb.db
      .select({ flows: jsonList(columns, { from: sql`from ${planFlows} where ${planFlows.applicationId} = ${applications.id}`, orderBy: sql`${planFlows.createdAt}` }) })
      .from(applications)
      .where(eq(applications.id, first.id));
    const flows = fromJsonRows(columns, row!.flows);
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.every((f) => f.applicationId === first.id)).toBe(true);
    expect(second.id).not.toBe(first.id);
  });

  it('reads a page as one value: the rows as the query builder reads them, in the page’s order, each with the total', async () => {
    const titles = ['Clinics between Jumla and Tromsø', 'Agronomy between Mekelle and Ås', 'Audit between Zomba and Oslo', 'Radio between Sucre and Bodø'];
    const made = [];
    for (const [i, title] of titles.entries()) made.push(await createApplication(testDb.db, { title, submittedAt: new Date(Date.UTC(2026, 1, 3 + i, 10, 11, 12, 345)) }));
    const ids = made.map((a) => a.id);
    const where = sql`${applications.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;
    const columns = { id: applications.id, title: applications.title, submittedAt: applications.submittedAt, markers: applications.markers, titleLength: sql<number>`length(${applications.title})` };
    const direct = await testDb.db.select(columns).from(applications).where(where).orderBy(asc(applications.title)).limit(3);
    const page = testDb.db
      .select({ ...jsonPageFields(columns, sql`${applications.title}`), total: sql<number>`(select count(*)::int from ${applications} a where a.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}))`.as('total') })
      .from(applications)
      .where(where)
      .orderBy(asc(applications.title))
      .limit(3)
      .as('page');
    const rows = fromJsonPage(columns, await jsonPageQuery(testDb.db, page));
    expect(rows).toEqual(direct.map((row) => ({ ...row, total: 4 })));
    expect(rows.map((r) => r.title)).toEqual([...titles].sort().slice(0, 3));
    expect(rows[0]!.submittedAt).toBeInstanceOf(Date);
    // No row: no lines, and no total to carry.
    const none = testDb.db.select({ ...jsonPageFields(columns, sql`${applications.title}`), total: sql<number>`0`.as('total') }).from(applications).where(sql`false`).as('page');
    expect(fromJsonPage(columns, await jsonPageQuery(testDb.db, none))).toEqual([]);
  });
});
