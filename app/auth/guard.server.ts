import { data, redirect } from 'react-router';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.ts';
import { isLocale } from '../../i18n/locales.ts';
import { domainFieldError } from '../ui/field-errors.ts';
import { translatorFor } from './translator-for.ts';

/**
 * Runs a loader's or action's work and turns refusals from core into what a browser expects:
 * not signed in → the sign-in page (coming back here after), not allowed → 403, not visible → 404, and
 * any other refusal the page did not show beside its field (a damaged page link, say) → the error page
 * with core's message in the page's language and core's status (never a 500).
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
    if (error instanceof DomainError && error.status < 500) throw data({ message: domainFieldError(translatorFor(lang), error).message }, { status: error.status });
    throw error;
  }
}

/**
 * Where to go after signing in: only a path on this site. The text must have no control characters or
 * spaces (a tab or newline that browsers strip would turn "/\t/evil.example/" into "//evil.example/"),
 * must be a path (not "//host" or "/\\host"), and must still be on the site's origin when resolved
 * against PUBLIC_URL. What is kept is the resolved, percent-encoded path, safe in a Location header.
 */
export function safeNext(next: string | null | undefined, fallback: string, publicUrl: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\p{Cc}\p{Z}\s]/u.test(next)) return fallback;
  try {
    const base = new URL(publicUrl);
    const url = new URL(next, base);
    return url.origin === base.origin ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
