import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { rawRows } from '../../db/raw-rows.ts';

/**
 * A copy of participant_flow_counts (db/schema/participant-statistics.ts) in the server's memory, column by
 * column in typed arrays, so that the statistics page can sum it under any filters in a few milliseconds
 * whatever the filters (at 1,000,000 participants the table has about 550,000 rows: about 20 MB here, and
 * summing it in PostgreSQL under two filters took 100 ms). Decision 019.
 *
 * It stays exact without being reloaded: each row carries the transaction that last wrote it
 * (`changed_xid`), and each read first notes the oldest transaction still running, then reads the rows
 * written by it or later. A transaction that had not committed then is at least that old, so its rows are
 * read the next time; rows are never deleted (a key that drops to zero people stays with 0). Every request
 * reads afresh (one index read, usually no rows): what a visitor sees includes every change committed
 * before they asked.
 */
export interface FlowCounts {
  /** Moves on whenever a value in the copy changes: answers computed for an older generation are stale. */
  readonly generation: number;
  readonly size: number;
  readonly dictionaries: Record<FlowCountDimension, Dictionary>;
  readonly columns: Record<FlowCountDimension, Uint16Array>;
  readonly people: Int32Array;
  /** Whole years and days: a key's sums stay far below 2³¹ (a thousand people × 400 days is 400,000). */
  readonly ageYears: Int32Array;
  readonly stayDays: Int32Array;
  /**
   * What changed in the rows since a generation, as differences, so that sums made then can be brought up to
   * date instead of made again; undefined when those changes are no longer kept (then sum afresh).
   */
  changesSince(generation: number): FlowCountChange[] | undefined;
}

/** A row's people, ages and stays after a read minus before it. */
export interface FlowCountChange {
  row: number;
  people: number;
  ageYears: number;
  stayDays: number;
}

/** How many row changes the copy remembers (a change of one participant changes a few rows). */
const CHANGES_KEPT = 50_000;

export const FLOW_COUNT_DIMENSIONS = ['sdg', 'year', 'home', 'host', 'programme', 'shape', 'sector', 'gender', 'ageBand'] as const;
export type FlowCountDimension = (typeof FLOW_COUNT_DIMENSIONS)[number];

/** The values met so far of one column; a row holds the value's position. Home and host share the countries'. */
export interface Dictionary {
  readonly values: string[];
  readonly positions: Map<string, number>;
}

interface FlowCountRow {
  id: number;
  sdg_goal: string;
  year: number;
  home_country: string;
  host_country: string;
  programme_id: string;
  shape: string;
  sector_code: string;
  gender: string;
  age_band: string;
  people: number;
  age_years: number;
  stay_days: number;
}

/** Rows read per query: a first read of a large table holds a few MB of rows at a time, not the table. */
export const FLOW_COUNTS_READ_PAGE = 5_000;

class FlowCountsCopy implements FlowCounts {
  generation = 0;
  size = 0;
  readonly dictionaries: Record<FlowCountDimension, Dictionary>;
  columns: Record<FlowCountDimension, Uint16Array>;
  people = new Int32Array(0);
  ageYears = new Int32Array(0);
  stayDays = new Int32Array(0);
  /** The rows' ids: ascending up to `sorted` (the first read, in id order); the others are found in `later`. */
  private ids = new Int32Array(0);
  private sorted = 0;
  private readonly later = new Map<number, number>();
  /** The oldest transaction still running at the last read: rows written by it or later are read again. */
  private since = '0';
  /** The changes that made each generation, oldest first, up to CHANGES_KEPT rows (the first read's are not kept). */
  private readonly log: { generation: number; changes: FlowCountChange[] }[] = [];
  private logged = 0;
  private pending: FlowCountChange[] | undefined;
  private inFlight?: Promise<void>;
  private queued?: Promise<void>;
  /** Whether a read has ended well: until then the copy holds nothing to answer from. */
  hasBeenRead = false;

  constructor(private readonly db: Database) {
    const countries: Dictionary = { values: [], positions: new Map() };
    const dictionary = (): Dictionary => ({ values: [], positions: new Map() });
    this.dictionaries = { sdg: dictionary(), year: dictionary(), home: countries, host: countries, programme: dictionary(), shape: dictionary(), sector: dictionary(), gender: dictionary(), ageBand: dictionary() };
    this.columns = Object.fromEntries(FLOW_COUNT_DIMENSIONS.map((d) => [d, new Uint16Array(0)])) as Record<FlowCountDimension, Uint16Array>;
  }

  /** Brings the copy up to date with everything committed before the call; calls meanwhile share the next read. */
  refresh(): Promise<void> {
    if (!this.inFlight) return (this.inFlight = this.read().finally(() => (this.inFlight = undefined)));
    this.queued ??= this.inFlight.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.refresh();
    });
    return this.queued;
  }

  changesSince(generation: number): FlowCountChange[] | undefined {
    if (generation === this.generation) return [];
    const kept = this.log.findIndex((entry) => entry.generation === generation + 1);
    if (kept < 0) return undefined;
    return this.log.slice(kept).flatMap((entry) => entry.changes);
  }

  private async read() {
    const first = this.since === '0';
    this.pending = first ? undefined : [];
    // Ids start at 1: (since, 0) is just before the first row written by the note's transaction or later.
    let after = { xid: this.since, id: 0 };
    let changed = false;
    let xmin: string | undefined;
    try {
      for (;;) {
        // The first read walks the whole table in id order; later ones the rows written since, in the order of
        // the (changed_xid, id) index, so that the plan is that index's range whatever the statistics say. The
        // order names the table's columns: a bare `changed_xid` is the select list's text (as SQL reads an
        // ORDER BY name), which sorted '1000' before '999' (a page could end past rows the next one skips) and
        // could not use the index (every read scanned the whole table).
        const page = first
          ? sql`where f.id > ${after.id} order by f.id limit ${FLOW_COUNTS_READ_PAGE}`
          : sql`where (f.changed_xid, f.id) > (${after.xid}::xid8, ${after.id}) order by f.changed_xid, f.id limit ${FLOW_COUNTS_READ_PAGE}`;
        // The oldest running transaction and the rows, in one statement (one snapshot): a transaction not
        // committed in it is at least that old. A page with no rows still gives the note (the left join).
        const rows = await rawRows<FlowCountRow & { xmin: string; changed_xid: string }>(
          this.db,
          sql`select s.xmin, c.* from (select pg_snapshot_xmin(pg_current_snapshot())::text as xmin) s
              left join lateral (
                select f.id, f.changed_xid::text as changed_xid, f.sdg_goal, f.year, f.home_country, f.host_country, f.programme_id::text as programme_id, f.shape, f.sector_code, f.gender, f.age_band,
                  f.people, f.age_years_sum::float8 as age_years, f.stay_days_sum::float8 as stay_days
                from participant_flow_counts f ${page}) c on true`,
        );
        // The first page's note is the oldest: later pages may have seen more commits, never fewer.
        xmin ??= rows[0]!.xmin;
        const found = rows[0]!.id === null ? [] : rows;
        for (const row of found) changed = this.put(row) || changed;
        if (found.length < FLOW_COUNTS_READ_PAGE) break;
        const last = found[found.length - 1]!;
        after = { xid: last.changed_xid, id: last.id };
      }
    } finally {
      // Rows put before a failed page count too: the next read finds them equal and would not say so.
      if (changed) this.recordGeneration();
    }
    this.since = xmin!;
    this.fit();
    this.hasBeenRead = true;
  }

  private recordGeneration() {
    this.generation++;
    if (!this.pending) return;
    this.log.push({ generation: this.generation, changes: this.pending });
    this.logged += this.pending.length;
    while (this.logged > CHANGES_KEPT && this.log.length > 1) this.logged -= this.log.shift()!.changes.length;
    this.pending = [];
  }

  /** Writes one row into the copy; true when something in it changed. */
  private put(row: FlowCountRow): boolean {
    // Int32Array would wrap silently: a sum past 2³¹ would be a data error, said as one.
    if (!fitsInt32(row.people) || !fitsInt32(row.age_years) || !fitsInt32(row.stay_days)) throw new Error(`participant_flow_counts row ${row.id}: a sum beyond 32 bits`);
    const at = this.find(row.id);
    const values = [row.sdg_goal, String(row.year), row.home_country, row.host_country, row.programme_id, row.shape, row.sector_code, row.gender, row.age_band];
    if (at >= 0) {
      if (this.people[at] === row.people && this.ageYears[at] === row.age_years && this.stayDays[at] === row.stay_days) return false;
      // The key of a row never changes (it is the table's primary key); only its sums do.
      this.pending?.push({ row: at, people: row.people - this.people[at]!, ageYears: row.age_years - this.ageYears[at]!, stayDays: row.stay_days - this.stayDays[at]! });
      this.people[at] = row.people;
      this.ageYears[at] = row.age_years;
      this.stayDays[at] = row.stay_days;
      return true;
    }
    if (this.size === this.people.length) this.grow();
    const i = this.size++;
    FLOW_COUNT_DIMENSIONS.forEach((dimension, d) => (this.columns[dimension][i] = position(this.dictionaries[dimension], values[d]!)));
    this.people[i] = row.people;
    this.ageYears[i] = row.age_years;
    this.stayDays[i] = row.stay_days;
    this.ids[i] = row.id;
    this.pending?.push({ row: i, people: row.people, ageYears: row.age_years, stayDays: row.stay_days });
    // Rows come in id order, so a first read extends the sorted part; rows added later are looked up by id.
    if (this.sorted === i && (i === 0 || this.ids[i - 1]! < row.id)) this.sorted++;
    else this.later.set(row.id, i);
    return true;
  }

  private find(id: number): number {
    let low = 0;
    let high = this.sorted - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = this.ids[mid]!;
      if (value === id) return mid;
      if (value < id) low = mid + 1;
      else high = mid - 1;
    }
    return this.later.get(id) ?? -1;
  }

  private grow() {
    this.resize(Math.max(1024, this.people.length * 2));
  }

  /** After a read: room for a tenth more rows, not the up to twice as many that doubling leaves. */
  private fit() {
    const room = Math.ceil(this.size * 1.1) + 1024;
    if (this.people.length > room * 1.2) this.resize(room);
  }

  private resize(capacity: number) {
    const widen = <T extends Uint16Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array.subarray(0, Math.min(array.length, capacity)));
      return next;
    };
    for (const dimension of FLOW_COUNT_DIMENSIONS) this.columns[dimension] = widen(this.columns[dimension], (n) => new Uint16Array(n));
    this.people = widen(this.people, (n) => new Int32Array(n));
    this.ageYears = widen(this.ageYears, (n) => new Int32Array(n));
    this.stayDays = widen(this.stayDays, (n) => new Int32Array(n));
    this.ids = widen(this.ids, (n) => new Int32Array(n));
  }
}

function fitsInt32(value: number) {
  return Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff;
}

function position(dictionary: Dictionary, value: string): number {
  let at = dictionary.positions.get(value);
  if (at === undefined) {
    at = dictionary.values.length;
    if (at > 0xffff) throw new Error('participant_flow_counts: more than 65,536 values in one column');
    dictionary.values.push(value);
    dictionary.positions.set(value, at);
  }
  return at;
}

/**
 * The copy hangs on the database handle under a registered symbol, not in a module-level map: the pages'
 * build and the server's bundle each carry a copy of this module, and a handle made from another
 * (db/shared-read-cache.ts) finds its base's copy through its prototype. One copy per database.
 */
const copyKey = Symbol.for('mutual-exchange.flow-counts-in-memory');
type HandleWithCopy = Database & { [copyKey]?: FlowCountsCopy };

/** The first year with people in the copy (the row that counts each person once), or undefined. */
export function firstYearWithPeople(counts: FlowCounts): number | undefined {
  const years = counts.dictionaries.year.values;
  const once = counts.dictionaries.sdg.positions.get('');
  let first: number | undefined;
  const seen = new Uint8Array(years.length);
  for (let i = 0; i < counts.size; i++) if (counts.people[i]! > 0 && counts.columns.sdg[i] === once) seen[counts.columns.year[i]!] = 1;
  seen.forEach((yes, at) => {
    if (yes && (first === undefined || Number(years[at]) < first)) first = Number(years[at]);
  });
  return first;
}

/** The copy of participant_flow_counts for this database, up to date with everything committed before the call. */
export async function flowCountsInMemory(db: Database): Promise<FlowCounts> {
  const copy = copyOf(db);
  await copy.refresh();
  return copy;
}

/**
 * The copy as its last read left it, without another read (one is made if none has been): for what follows a
 * call of `flowCountsInMemory` in the same request, such as the statistics page's year choices after its figures.
 */
export async function flowCountsAsLastRead(db: Database): Promise<FlowCounts> {
  const copy = copyOf(db);
  if (!copy.hasBeenRead) await copy.refresh();
  return copy;
}

function copyOf(db: Database): FlowCountsCopy {
  let copy = (db as HandleWithCopy)[copyKey];
  if (!copy) Object.defineProperty(db, copyKey, { value: (copy = new FlowCountsCopy(db)), enumerable: false });
  return copy;
}
