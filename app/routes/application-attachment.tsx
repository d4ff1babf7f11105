import { getAttachment } from '../../core/applications/get-attachment.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import type { Route } from './+types/application-attachment';

/** The PDF itself, for whoever may read the application; downloaded, never rendered inline from our origin. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const file = await getAttachment(context.core, { applicationId: params.id, attachmentId: params.attachmentId });
    return new Response(Buffer.from(file.content), {
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(file.sizeBytes),
        'content-disposition': attachmentDisposition(file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
