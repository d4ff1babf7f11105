import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { getParticipantDocumentFile } from '../../core/participants/get-participant-document-file.ts';
import { guarded } from '../auth/guard.server.ts';
import type { Route } from './+types/participant-document';

/**
 * A participant's document, for whoever may see the participant: always downloaded (Content-Disposition:
 * attachment), never shown from this site, with the type found from its content.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const file = await getParticipantDocumentFile(context.core, { participantId: params.id, documentId: params.documentId });
    return new Response(Buffer.from(file.content), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.sizeBytes),
        'content-disposition': attachmentDisposition(file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
