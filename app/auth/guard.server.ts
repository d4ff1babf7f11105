import { data, redirect } from 'react-router';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.ts';
import { isLocale } from '../../i18n/locales.ts';

/**
 * Runs a loader's or action's work and turns refusals from core into what a browser expects:
 * not signed in → the sign-in page (coming back here after), not allowed → 403, not visible → 404.
 */
export async function guarded<T>(request: Request, lang: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      const url = new URL(request.url);
      const locale = isLocale(lang) ? lang : 'en';
      throw redirect(`/${locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (error instanceof ForbiddenError) throw data(null, { status: 403 });
    if (error instanceof NotFoundError) throw data(null, { status: 404 });
    throw error;
  }
}

/** A `next` parameter may only point inside this site (no open redirect). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : fallback;
}
