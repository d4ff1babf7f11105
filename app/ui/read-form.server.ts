import { data } from 'react-router';
import { translatorFor } from '../auth/translator-for.ts';

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * The form a page posted. Anything else sent to a page's address (JSON, plain text, a multipart body cut
 * short) is refused with the error page in the page's language: 415 for another kind of body, 400 for a
 * form that cannot be read. Every action reads its form through here.
 */
export async function readForm(request: Request): Promise<FormData> {
  const t = translatorFor(new URL(request.url).pathname.split('/')[1]);
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!formTypes.has(type)) throw data({ message: t.t('error.unsupportedBody') }, { status: 415 });
  try {
    return await request.formData();
  } catch {
    throw data({ message: t.t('error.malformedBody') }, { status: 400 });
  }
}
