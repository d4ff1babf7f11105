import { data } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldError, type FieldError } from './field-errors.ts';

/** What a form comes back with when its save was stale: the one message, what was typed, the current version. */
export interface StaleSave<V> {
  errors: FieldError[];
  /** What was typed, its `version` replaced by the current one (the forms whose hidden field is read from their values). */
  values: V & { version: string };
  /** The current version (the forms that keep the version beside their values). */
  version: string;
}

/** Whether a save was refused because someone else saved the record first (core's optimistic locking). */
export function isStaleEdit(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'staleEdit';
}

/**
 * The answer to a save refused because someone else saved first: 409, the form filled in with what this
 * person typed, the one message `error.staleEdit` in the error summary (on the field the refusal names,
 * else `field`), and the record's current version in the hidden `version` field, so that saving again
 * knowingly overwrites the other person's save (docs/architecture.md, Optimistic locking).
 *
 * For any other error it answers `null` without reading anything, and the caller handles or rethrows it:
 *
 *     } catch (error) {
 *       const stale = await staleSave(t, error, values, async () => (await getCall(ctx, { callId: id })).call.updatedAt.toISOString(), 'title');
 *       if (stale) return stale;
 *       throw error;
 *     }
 */
export async function staleSave<V extends object>(t: Translator, error: unknown, values: V, currentVersion: () => Promise<string>, field = 'form') {
  if (!isStaleEdit(error)) return null;
  const version = await currentVersion();
  return data<StaleSave<V>>({ errors: [domainFieldError(t, error, field)], values: { ...values, version }, version }, { status: 409 });
}
