import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { createAgency } from '../db/factories/agency-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { coreContext } from '../core/context.ts';
import { listPublicOrganisations } from '../core/organisations/list-public-organisations.ts';
import { getPartnershipChain } from '../core/partnerships/get-partnership-chain.ts';
import { listPartnershipFilterChoices } from '../core/partnerships/list-partnership-filter-choices.ts';
import { listPublicPartnerships } from '../core/partnerships/list-public-partnerships.ts';
import { insertBulkPartnerships } from './bulk-partnerships.ts';
import { printQueryTimings } from './print-query-timings.ts';

/**
 * `npm run bench:partnerships`: the public partnership and organisation directories at 100,000
 * partnerships (2,000 organisations in ten countries, two or three partners each, three programmes,
 * one or two SDGs each, each with an agreement stage granted by one of 20 calls), on a fresh in-memory
 * PGlite, or on PostgreSQL when BENCH_DATABASE_URL names an empty database. Bulk rows: bench/bulk-partnerships.ts.
 * Prints milliseconds per query.
 */
const count = Number(process.env.BENCH_PARTNERSHIPS ?? 100_000);
const url = process.env.BENCH_DATABASE_URL;
const handle = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite' });
await handle.migrate();
const db = handle.db;

const started = performance.now();
await createAgency(db);
const stamp = Date.now();
const programmes = [
  await createProgramme(db, { code: `bench-professional-${stamp}`, name: 'Professional' }),
  await createProgramme(db, { code: `bench-youth-${stamp}`, name: 'Volunteer/Youth' }),
  await createProgramme(db, { code: `bench-health-${stamp}`, name: 'Health (ESTHER)' }),
];
const calls: Awaited<ReturnType<typeof createCall>>[] = [];
for (let i = 0; i < 20; i++) calls.push(await createCall(db, { programmeId: programmes[i % 3]!.id, title: `Bench call ${i}`, criteria: [] }));
await insertBulkPartnerships(db, { count, programmeIds: programmes.map((p) => p.id), callIds: calls.map((c) => c.id) });
console.log(`Loaded ${count} partnerships in ${Math.round(performance.now() - started)} ms (${handle.kind})\n`);

const ctx = coreContext({ db });
const health = programmes[2]!.code;
// Both drivers answer a raw query with `{ rows }`.
const sample = (await db.execute(sql`select id from partnerships where status = 'active' limit 1`)) as unknown as { rows: { id: string }[] };
const sampleId = sample.rows[0]!.id;
const healthOrganisations = await listPublicOrganisations(ctx, { programme: health });
const cases: [string, () => Promise<{ items?: unknown[]; total?: number }>][] = [
  ['partnerships: first page, no filter', () => listPublicPartnerships(ctx, {})],
  ['partnerships: country = NP', () => listPublicPartnerships(ctx, { country: 'NP' })],
  ['partnerships: shape = triangular, status = active', () => listPublicPartnerships(ctx, { shape: 'triangular', status: 'active' })],
  ['partnerships: title contains "ab12"', () => listPublicPartnerships(ctx, { q: 'ab12' })],
  ['partnerships: country + shape + sector', () => listPublicPartnerships(ctx, { country: 'ET', shape: 'north_south', sector: '12181' })],
  ['partnerships: SDG = 7', () => listPublicPartnerships(ctx, { sdg: '7' })],
  ['partnerships: programme = health', () => listPublicPartnerships(ctx, { programme: health })],
  ['partnerships: programme + SDG + country', () => listPublicPartnerships(ctx, { programme: health, sdg: '3', country: 'MW' })],
  ['partnerships: call', () => listPublicPartnerships(ctx, { call: calls[5]!.id })],
  ['partnerships: filter choices (programmes, sectors, calls)', async () => ({ items: (await listPartnershipFilterChoices(ctx)).sectors })],
  ['partnership page: agreement chain', async () => ({ items: (await getPartnershipChain(ctx, { partnershipId: sampleId })).stages })],
  ['organisations: first page, no filter', () => listPublicOrganisations(ctx, {})],
  ['organisations: sector = 12191', () => listPublicOrganisations(ctx, { sector: '12191' })],
  ['organisations: programme = health', () => listPublicOrganisations(ctx, { programme: health })],
  ['organisations: programme = health, second page', () => listPublicOrganisations(ctx, { programme: health, after: healthOrganisations.next! })],
  // Every organisation in NP has sector 11130 here (both follow g % 10), so this combination is not empty.
  ['organisations: programme + country + sector', () => listPublicOrganisations(ctx, { programme: health, country: 'NP', sector: '11130' })],
];
if (process.env.BENCH_EXPLAIN) await explainEach(cases);
await printQueryTimings(cases);
await handle.close();

/** BENCH_EXPLAIN=1: the plan of every statement each case runs (PGlite only), to see which index answers. */
async function explainEach(list: typeof cases) {
  type Query = (text: string, params?: unknown[], options?: unknown) => Promise<{ rows: Record<string, string>[] }>;
  const client = (db as unknown as { $client: { query: Query } }).$client;
  const original = client.query.bind(client);
  for (const [name, run] of list) {
    const seen: [string, unknown[] | undefined][] = [];
    client.query = (text, params, options) => (seen.push([text, params]), original(text, params, options));
    await run();
    client.query = original;
    for (const [text, params] of seen) {
      const plan = await original(`explain analyze ${text}`, params);
      console.log(`\n## ${name}\n${text}\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}`);
    }
  }
}
