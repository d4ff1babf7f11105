import { redirect } from 'react-router';
import { negotiateLocale } from '../../i18n/negotiate-locale.ts';
import type { Route } from './+types/locale-redirect';

/** "/" has no content of its own: it sends the visitor to their language. */
export function loader({ request }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  return redirect(`/${locale}/`, { headers: { Vary: 'Accept-Language' } });
}
