import { exportOwnData } from '../../core/identity/export-own-data.ts';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { requireUser } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import type { Route } from './+types/account-export';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';

/** Everything the platform holds about the signed-in person, as a JSON download. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const actor = requireUser(context.core.actor);
    const body = await exportOwnData(context.core);
    await context.core.db.transaction((tx) => recordAudit(tx, { ...context.core, db: tx }, { action: 'account.data-exported', recordType: 'user', recordId: actor.userId }));
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': attachmentDisposition(`my-data-${new Date().toISOString().slice(0, 10)}.json`),
        'cache-control': 'no-store',
      },
    });
  });
}
