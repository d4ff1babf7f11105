import { createHash } from 'node:crypto';
import type pg from 'pg';
import { isPlainRead } from './is-plain-read.ts';

/**
 * Reads on PostgreSQL as named statements, on each connection of the pool (`pool.on('connect', …)`).
 * node-postgres parses a named statement once per connection and afterwards only binds and executes it,
 * and PostgreSQL keeps its plan, where an unnamed statement is parsed and planned for every request.
 * The name is a digest of the SQL text. At most `maxStatements` texts are named per connection, so a
 * long-lived connection's prepared statements stay bounded; the rest go unnamed, as before.
 * Decision 022.
 */
export function nameReads(client: pg.ClientBase, { maxStatements = 300 }: { maxStatements?: number } = {}): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => {
    if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string' && !('name' in config && config.name)) {
      // A text already named is a plain read: the pattern is matched once per text, not per request.
      let name = names.get(config.text);
      if (!name && names.size < maxStatements && isPlainRead(config.text)) {
        name = `mx_${createHash('sha1').update(config.text).digest('hex').slice(0, 24)}`;
        names.set(config.text, name);
      }
      if (name) return query({ ...config, name }, ...rest);
    }
    return query(config, ...rest);
  }) as typeof client.query;
}
