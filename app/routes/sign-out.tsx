import { redirect } from 'react-router';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { withCookies } from '../auth/session-cookies.server.ts';
import type { Route } from './+types/sign-out';

/** Signing out is a POST (a link could be triggered by another site); GET just goes home. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/${params.lang}/`);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = context.core.actor;
  if (actor.kind !== 'user') return redirect(`/${params.lang}/`);
  const { headers } = await context.auth.api.signOut({ headers: request.headers, returnHeaders: true });
  await context.core.db.transaction((tx) =>
    recordAudit(tx, { ...context.core, db: tx }, { action: 'session.signed-out', recordType: 'user', recordId: actor.userId }),
  );
  return redirect(`/${params.lang}/`, { headers: withCookies(headers) });
}
