import { data, Outlet } from 'react-router';
import { isLocale } from '../../i18n/locales.ts';
import type { Route } from './+types/locale-layout';

export function loader({ params, context }: Route.LoaderArgs) {
  if (!isLocale(params.lang)) throw data(null, { status: 404 });
  if (context.refusal) throw data({ message: context.refusal.message, path: context.refusal.path }, { status: context.refusal.status });
  return null;
}

export default function LocaleLayout() {
  return <Outlet />;
}
