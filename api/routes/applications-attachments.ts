import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { addAttachment } from '../../core/applications/add-attachment.ts';
import { getAttachment } from '../../core/applications/get-attachment.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../core/applications/attachment-limits.ts';
import { removeAttachment } from '../../core/applications/remove-attachment.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import { DomainError } from '../../core/errors.ts';
import { attachmentDisposition, dispositionFileName } from '../../core/files/content-disposition.ts';
import type { ApiEnv } from '../api-env.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem, problemResponse } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { ApplicationIdParams } from '../schemas/application-requests.ts';
import { ApplicationSchema } from '../schemas/application-schemas.ts';
import { sessionCookie } from '../security.ts';
import { applicationAnswer, applicationBody, etagHeader } from './applications-answer.ts';
import { asApiRefusal } from './applications-refusals.ts';

/**
 * PDF attachments of an application. An upload is the file's own bytes (`Content-Type: application/pdf`),
 * not multipart: a script sends a file with one header more, and nothing but the PDF is read.
 */
const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
const pdf = { 'application/pdf': { schema: z.string().openapi({ format: 'binary', description: 'The PDF file itself.' }) } };
const attachmentIdParam = z.string().openapi({ param: { name: 'attachmentId', in: 'path' }, format: 'uuid', example: '9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d' });
const AttachmentParams = ApplicationIdParams.extend({ attachmentId: attachmentIdParam });
const whoEdits = 'A coordinator of the coordinating partner, while the application is a draft or returned.';

const upload = createRoute({
  tags: ['Applications'],
  security: sessionCookie,
  // Refused before the body is read: a visitor gets "sign in", and no more than the limit is ever read.
  middleware: [
    permitted('application:edit'),
    bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES, onError: (c) => problemResponse(c, 413, 'fileTooLarge', { params: { max: MAX_MB }, issues: [{ pointer: '', code: 'fileTooLarge', params: { max: MAX_MB } }] }) }),
  ] as const,
  method: 'post',
  operationId: 'addApplicationAttachment',
  path: '/v1/applications/{id}/attachments',
  summary: 'Attach a PDF',
  description: `${whoEdits} Send the file’s bytes as the body with \`Content-Type: application/pdf\`, and its name in \`Content-Disposition: attachment; filename="plan.pdf"\` (or \`filename*=UTF-8''…\` for other letters; without it the file is called document.pdf). Path separators and control characters in the name become "_". At most ${MAX_MB} MB per file and ${MAX_ATTACHMENTS} files per application. The file must really be a PDF (its first bytes are checked, not its name).`,
  request: {
    params: ApplicationIdParams,
    headers: z.object({
      'content-disposition': z.string().optional().openapi({ description: 'The file name, as RFC 6266 says.', example: "attachment; filename*=UTF-8''Beredskapsplan%20%C3%85s.pdf" }),
    }),
    body: { required: true, content: pdf },
  },
  responses: {
    201: {
      description: 'Attached. Location is the file’s address; the body is the application, the file in `emergency.attachments`.',
      headers: { ...etagHeader, Location: { description: 'Where to download the file.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: ApplicationSchema } },
    },
    ...problemResponses([400, 401, 403, 404, 409, 413, 415, 422], {
      400: 'The Content-Disposition header names no readable file name.',
      403: 'Not a coordinator of the coordinating partner.',
      404: 'No such application, or not one you may see.',
      409: 'The application is no longer open for changes (`applicationLocked`).',
      413: `The file is larger than ${MAX_MB} MB (\`fileTooLarge\`).`,
      415: 'The body is not sent as application/pdf (`notPdf`, pointing at the content-type header).',
      422: `The body is empty (\`chooseFile\`) or not a PDF (\`notPdf\`), or the application has ${MAX_ATTACHMENTS} files already (\`tooManyFiles\`).`,
    }),
  },
});

const download = createRoute({
  tags: ['Applications'],
  security: sessionCookie,
  middleware: [permitted('application:read')] as const,
  method: 'get',
  operationId: 'getApplicationAttachment',
  path: '/v1/applications/{id}/attachments/{attachmentId}',
  summary: 'Download an attached PDF',
  description: 'For whoever may read the application. Always a download (Content-Disposition: attachment), never shown from this site.',
  request: { params: AttachmentParams },
  responses: {
    200: {
      description: 'The file, byte for byte as uploaded.',
      headers: { 'Content-Disposition': { description: 'attachment, with the file’s name.', schema: { type: 'string' } } },
      content: pdf,
    },
    ...problemResponses([401, 403, 404], { 404: 'No such application or file, or not one you may see.' }),
  },
});

const remove = createRoute({
  tags: ['Applications'],
  security: sessionCookie,
  middleware: [permitted('application:edit')] as const,
  method: 'delete',
  operationId: 'removeApplicationAttachment',
  path: '/v1/applications/{id}/attachments/{attachmentId}',
  summary: 'Remove an attached PDF',
  description: `${whoEdits} Removing one that is not there changes nothing.`,
  request: { params: AttachmentParams },
  responses: { ...applicationAnswer('Removed.'), ...problemResponses([401, 403, 404, 409], { 409: 'The application is no longer open for changes (`applicationLocked`).' }) },
});

export function registerApplicationAttachments(api: OpenAPIHono<ApiEnv>) {
  api.openapi(upload, async (c) => {
    const { id } = c.req.valid('param');
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/pdf') throw new ApiProblem(415, 'notPdf', { issues: [{ header: 'content-type', code: 'notPdf' }] });
    const name = dispositionFileName(c.req.valid('header')['content-disposition']);
    // A filename* that cannot be decoded, and no filename to fall back on: refused rather than guessed.
    if (name === undefined) throw new ApiProblem(400, 'invalid', { issues: [{ header: 'content-disposition', code: 'invalid' }] });
    // Read first, so that an application nobody may see is 404 whatever the file is.
    const before = new Set((await getApplication(c.var.core, { applicationId: id })).attachments.map((f) => f.id));
    const content = new Uint8Array(await c.req.arrayBuffer());
    try {
      await addAttachment(c.var.core, { applicationId: id, file: { name, content } });
    } catch (error) {
      throw asUploadRefusal(error);
    }
    const body = await applicationBody(c, id);
    // The use-case does not return the new id: it is the file that was not there before (of this size,
    // the latest, should another upload have landed at the same moment).
    const added = body.emergency.attachments.filter((f) => !before.has(f.id) && f.sizeBytes === content.length).at(-1);
    if (added) c.header('Location', `/api/v1/applications/${id}/attachments/${added.id}`);
    return c.json(body, 201);
  });

  api.openapi(download, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await getAttachment(c.var.core, { applicationId: id, attachmentId });
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': 'application/pdf',
      'content-disposition': attachmentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });

  api.openapi(remove, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    try {
      await removeAttachment(c.var.core, { applicationId: id, attachmentId });
    } catch (error) {
      throw asApiRefusal(error);
    }
    return c.json(await applicationBody(c, id), 200);
  });
}

/** The core's refusals of a file, said of the body (pointer ""); too large is 413, as HTTP has it. */
function asUploadRefusal(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.field !== 'file') return asApiRefusal(error);
  const { code, params } = error;
  if (code === 'fileTooLarge') return new ApiProblem(413, code, { params, issues: [{ pointer: '', code, params }] });
  // Not about the file but about the application: another must be removed first.
  if (code === 'tooManyFiles') return new ApiProblem(422, code, { params });
  return new ApiProblem(422, code, { params, issues: [{ pointer: '', code, params }] });
}
