import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../core/errors.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB } from '../../core/participants/document-content.ts';
import { getParticipantDocumentFile } from '../../core/participants/get-participant-document-file.ts';
import { listParticipantDocuments } from '../../core/participants/list-participant-documents.ts';
import type { ChecklistItem } from '../../core/participants/participant-documents.ts';
import { reviewParticipantDocument } from '../../core/participants/review-participant-document.ts';
import { uploadParticipantDocument } from '../../core/participants/upload-participant-document.ts';
import type { ApiEnv } from '../api-env.ts';
import { requireVersion } from '../optimistic-lock.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem, problemResponse } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { DocumentListSchema, DocumentParams, DocumentReviewedSchema, DocumentReviewSchema, DocumentUploadSchema, ParticipantIdParams } from '../schemas/participant-self-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';
import { signedIn } from './participant-self.ts';

const tags = ['Participants'];
const readers = 'The participant, the sending and host partners’ coordinators, advisers following the programme and administrators; for anyone else the participant is not found.';
/** The file, and the few hundred bytes of multipart framing and the `kind` field around it. */
const MAX_UPLOAD_BODY = MAX_DOCUMENT_BYTES + 64 * 1024;
const tooLarge = { params: { max: MAX_DOCUMENT_MB }, issues: [{ pointer: '/file', code: 'fileTooLarge', params: { max: MAX_DOCUMENT_MB } }] };
const binary = (description: string) => ({ schema: z.string().openapi({ format: 'binary', description }) });

const list = createRoute({
  tags,
  method: 'get',
  operationId: 'listParticipantDocuments',
  path: '/v1/participants/{id}/documents',
  summary: 'A participant’s documents against the checklist',
  description: `Every line of the programme’s documents checklist with its status (missing, submitted, accepted, returned with a remark), then documents for lines since removed. ${readers}`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams },
  responses: { 200: { description: 'The checklist.', content: { 'application/json': { schema: DocumentListSchema } } }, ...problemResponses([400, 401, 404]) },
});

const upload = createRoute({
  tags,
  method: 'post',
  operationId: 'uploadParticipantDocument',
  path: '/v1/participants/{id}/documents',
  summary: 'Upload a document for a checklist line',
  description: `Only the participant themself. A \`multipart/form-data\` body with \`kind\` (the checklist line, exactly as listed) and \`file\`: a PDF, JPEG or PNG of at most ${MAX_DOCUMENT_MB} MB, checked by its content; a file whose name or part Content-Type says one of these but whose content is another is refused (\`fileContentMismatch\`). The document is then submitted for review. A returned (or not yet reviewed) document is replaced; an accepted one is not (409 \`documentAlreadyAccepted\`).`,
  security: sessionCookie,
  middleware: [
    signedIn,
    bodyLimit({ maxSize: MAX_UPLOAD_BODY, onError: (c) => problemResponse(c, 413, 'fileTooLarge', tooLarge) }),
  ] as const,
  request: { params: ParticipantIdParams, body: { required: true, content: { 'multipart/form-data': { schema: DocumentUploadSchema } } } },
  responses: {
    201: { description: 'Uploaded and submitted. Location is the file’s address; the body is the checklist.', headers: { Location: { description: 'Where to download the file.', schema: { type: 'string' } } }, content: { 'application/json': { schema: DocumentListSchema } } },
    ...problemResponses([400, 401, 403, 404, 409, 413, 415, 422], {
      404: 'No such participant you may see, or `kind` is not a line of their checklist.',
      409: 'The document for that line is accepted already (`documentAlreadyAccepted`).',
      413: `The file is larger than ${MAX_DOCUMENT_MB} MB (\`fileTooLarge\`).`,
      415: 'The body is not multipart/form-data.',
      422: 'No file (`chooseDocumentFile`), not a PDF, JPEG or PNG (`notDocumentType`), or named as another kind than it is (`fileContentMismatch`); or no `kind`.',
    }),
  },
});

const download = createRoute({
  tags,
  method: 'get',
  operationId: 'getParticipantDocument',
  path: '/v1/participants/{id}/documents/{documentId}',
  summary: 'Download a participant’s document',
  description: `${readers} Always a download (Content-Disposition: attachment), with the type found from its content.`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: DocumentParams },
  responses: {
    200: {
      description: 'The file, byte for byte as uploaded.',
      headers: { 'Content-Disposition': { description: 'attachment, with the file’s name.', schema: { type: 'string' } } },
      content: { 'application/pdf': binary('A PDF.'), 'image/jpeg': binary('A JPEG.'), 'image/png': binary('A PNG.') },
    },
    ...problemResponses([400, 401, 404], { 404: 'No such participant or document you may see.' }),
  },
});

const review = createRoute({
  tags,
  method: 'post',
  operationId: 'reviewParticipantDocument',
  path: '/v1/participants/{id}/documents/{documentId}/review',
  summary: 'Accept or return a submitted document',
  description:
    'The sending partner’s coordinators, advisers following the programme and administrators (the host’s coordinators and the participant: 403). Send the document’s version (If-Match or `version`); a document replaced or reviewed since is 409 `staleEdit`, one not waiting for review 409 `documentNotAwaitingReview`.',
  security: sessionCookie,
  middleware: [permitted('participant:move')] as const,
  request: {
    params: DocumentParams,
    headers: z.object({ 'if-match': z.string().optional().openapi({ description: 'The document’s version from the list.', example: '"2026-11-22T10:00:00.000Z"' }) }),
    body: { required: true, content: { 'application/json': { schema: DocumentReviewSchema } } },
  },
  responses: {
    200: { description: 'Reviewed.', headers: { ETag: { description: 'The document’s new version.', schema: { type: 'string' } } }, content: { 'application/json': { schema: DocumentReviewedSchema } } },
    ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]),
  },
});

const itemBody = (item: ChecklistItem) => ({
  ...item,
  document: item.document
    ? { ...item.document, reviewedAt: item.document.reviewedAt?.toISOString() ?? null, uploadedAt: item.document.uploadedAt.toISOString() }
    : null,
});

export function registerParticipantDocuments(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const { items, canReview, canUpload } = await listParticipantDocuments(c.var.core, { participantId: c.req.valid('param').id });
    return c.json({ items: items.map(itemBody), canReview, canUpload }, 200);
  });

  api.openapi(upload, async (c) => {
    const { id } = c.req.valid('param');
    const { kind, file } = c.req.valid('form');
    const claimed = file.type.split(';')[0]!.trim().toLowerCase();
    let saved: { id: string };
    try {
      saved = await uploadParticipantDocument(c.var.core, {
        participantId: id,
        kind,
        // A part sent as application/octet-stream (or untyped) says nothing about what it is; the name may.
        file: { name: file.name, content: new Uint8Array(await file.arrayBuffer()), claimedType: ['application/pdf', 'image/jpeg', 'image/png'].includes(claimed) ? claimed : undefined },
      });
    } catch (error) {
      throw asUploadRefusal(error);
    }
    const { items, canReview, canUpload } = await listParticipantDocuments(c.var.core, { participantId: id });
    c.header('Location', `/api/v1/participants/${id}/documents/${saved.id}`);
    return c.json({ items: items.map(itemBody), canReview, canUpload }, 201);
  });

  api.openapi(download, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const file = await getParticipantDocumentFile(c.var.core, { participantId: id, documentId });
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.contentType,
      'content-disposition': attachmentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });

  api.openapi(review, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    await listParticipantDocuments(c.var.core, { participantId: id });
    const version = requireVersion(c.req.valid('header')['if-match'], bodyVersion);
    const result = await refusedAsApi(reviewParticipantDocument(c.var.core, { participantId: id, documentId, version, ...input }));
    c.header('ETag', `"${result.version}"`);
    return c.json(result, 200);
  });
}

/** The core's refusals of a file, said of the `file` part; too large is 413, as HTTP has it. */
function asUploadRefusal(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.field !== 'file' || error.status === 409) return error instanceof DomainError && error.status === 409 ? new ApiProblem(409, error.code, { params: error.params }) : error;
  const { code, params } = error;
  if (code === 'fileTooLarge') return new ApiProblem(413, code, { params, issues: [{ pointer: '/file', code, params }] });
  return new ApiProblem(422, code, { params, issues: [{ pointer: '/file', code, params }] });
}

