import pg from 'pg';

/**
 * A new empty database next to the one named, `<name>_<suffix>` (PostgreSQL 13+ drops it even with
 * connections left); its address.
 */
export async function freshPostgresDatabase(url: string, suffix = 'bench'): Promise<string> {
  const target = new URL(url);
  const name = `${target.pathname.slice(1) || 'postgres'}_${suffix}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  target.pathname = `/${name}`;
  return target.toString();
}
