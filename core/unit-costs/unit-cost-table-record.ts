import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { user } from '../../db/schema/auth.ts';
import { unitCostAllowances, unitCostCountries, unitCostTables, unitCostTravel } from '../../db/schema/unit-costs.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { emptyRates, type DraftRates } from './unit-cost-rates.ts';

export type UnitCostTableRow = typeof unitCostTables.$inferSelect;

/** One version of a unit-cost table with all its rates, as use-cases and pages read it. */
export interface UnitCostTable {
  id: string;
  programmeId: string;
  year: number;
  version: number;
  status: 'draft' | 'published';
  basedOnId: string | null;
  publishedAt: Date | null;
  publishedByName: string | null;
  createdAt: Date;
  /** The draft's version for concurrent edits (docs/architecture.md#optimistic-locking). */
  updatedAt: Date;
  rates: DraftRates;
}

/** A table row's rates, read from its allowances, countries and travel rows. */
export async function readRates(db: Database, row: UnitCostTableRow): Promise<DraftRates> {
  const rates = emptyRates(row.currency);
  rates.insurancePerMonthMinor = row.insurancePerMonthMinor;
  rates.preparatoryCourseMinor = row.preparatoryCourseMinor;
  rates.visaMinor = row.visaMinor;
  rates.healthMinor = row.healthMinor;
  rates.adminShareBasisPoints = row.adminShareBasisPoints;
  for (const a of await db.select().from(unitCostAllowances).where(eq(unitCostAllowances.tableId, row.id))) rates.allowances[a.groupCode] = a.monthlyMinor;
  for (const t of await db.select().from(unitCostTravel).where(eq(unitCostTravel.tableId, row.id))) rates.travel[t.band] = t.amountMinor;
  for (const c of await db.select().from(unitCostCountries).where(eq(unitCostCountries.tableId, row.id)).orderBy(asc(unitCostCountries.countryCode))) rates.countries[c.groupCode].push(c.countryCode);
  return rates;
}

/** A version with its rates, or NotFound (also for an id that is not one). */
export async function loadUnitCostTable(db: Database, tableId: string): Promise<UnitCostTable> {
  if (!isRecordId(tableId)) throw new NotFoundError('unitCostTable');
  const [found] = await db
    .select({ row: unitCostTables, publishedByName: user.name })
    .from(unitCostTables)
    .leftJoin(user, eq(user.id, unitCostTables.publishedBy))
    .where(eq(unitCostTables.id, tableId));
  if (!found) throw new NotFoundError('unitCostTable');
  return tableOf(found.row, found.publishedByName, await readRates(db, found.row));
}

export function tableOf(row: UnitCostTableRow, publishedByName: string | null, rates: DraftRates): UnitCostTable {
  return {
    id: row.id,
    programmeId: row.programmeId,
    year: row.year,
    version: row.version,
    status: row.status,
    basedOnId: row.basedOnId,
    publishedAt: row.publishedAt,
    publishedByName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    rates,
  };
}

/**
 * The rates as flat fields, for the audit trail: `changedFields` then keeps exactly the rates that
 * changed (`allowances.A`, `countries.B`, `travel.8000+`, …).
 */
export function auditedRates(rates: DraftRates): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [g, v] of Object.entries(rates.allowances)) flat[`allowances.${g}`] = v;
  for (const [g, v] of Object.entries(rates.countries)) flat[`countries.${g}`] = v.join(' ');
  for (const [b, v] of Object.entries(rates.travel)) flat[`travel.${b}`] = v;
  flat.insurancePerMonthMinor = rates.insurancePerMonthMinor;
  flat.preparatoryCourseMinor = rates.preparatoryCourseMinor;
  flat.visaMinor = rates.visaMinor;
  flat.healthMinor = rates.healthMinor;
  flat.adminShareBasisPoints = rates.adminShareBasisPoints;
  return flat;
}

/** Writes a draft's rates: its scalar rates on the row, and its allowances, countries and travel rows afresh. */
export async function writeDraftRates(tx: Database, tableId: string, rates: DraftRates, updatedAt: Date): Promise<UnitCostTableRow | undefined> {
  await tx.delete(unitCostAllowances).where(eq(unitCostAllowances.tableId, tableId));
  await tx.delete(unitCostCountries).where(eq(unitCostCountries.tableId, tableId));
  await tx.delete(unitCostTravel).where(eq(unitCostTravel.tableId, tableId));
  const allowances = Object.entries(rates.allowances).flatMap(([groupCode, monthlyMinor]) => (monthlyMinor === null ? [] : [{ tableId, groupCode: groupCode as keyof typeof rates.allowances, monthlyMinor }]));
  const countries = Object.entries(rates.countries).flatMap(([groupCode, codes]) => codes.map((countryCode) => ({ tableId, countryCode, groupCode: groupCode as keyof typeof rates.countries })));
  const travel = Object.entries(rates.travel).flatMap(([band, amountMinor]) => (amountMinor === null ? [] : [{ tableId, band: band as keyof typeof rates.travel, amountMinor }]));
  if (allowances.length) await tx.insert(unitCostAllowances).values(allowances);
  if (countries.length) await tx.insert(unitCostCountries).values(countries);
  if (travel.length) await tx.insert(unitCostTravel).values(travel);
  const [row] = await tx
    .update(unitCostTables)
    .set({
      insurancePerMonthMinor: rates.insurancePerMonthMinor,
      preparatoryCourseMinor: rates.preparatoryCourseMinor,
      visaMinor: rates.visaMinor,
      healthMinor: rates.healthMinor,
      adminShareBasisPoints: rates.adminShareBasisPoints,
      updatedAt,
    })
    .where(eq(unitCostTables.id, tableId))
    .returning();
  return row;
}
