import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** What core sees of the database: the PostgreSQL dialect, whichever driver (PGlite or node-postgres) is behind it. */
export type Database = PgDatabase<PgQueryResultHKT>;
