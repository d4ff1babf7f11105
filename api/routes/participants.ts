import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { exportParticipantsCsv } from '../../core/participants/export-participants-csv.ts';
import { listParticipants, PARTICIPANT_PAGE_SIZE, participantFilter } from '../../core/participants/list-participants.ts';
import { LIST_TOTAL_CAP } from '../../core/pagination/list-total-cap.ts';
import type { ApiEnv } from '../api-env.ts';
import { describeFields } from '../described-fields.ts';
import { pageSchema, setNextPageLink } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { requestTranslator } from '../request-translator.ts';
import { sessionCookie } from '../security.ts';

const date = z.string().openapi({ format: 'date', example: '2026-08-01' });

const ParticipantSummarySchema = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    gender: z.enum(['female', 'male', 'other', 'undisclosed']),
    status: z.string().openapi({ description: 'nominated, approved, preparing, in_placement, returned, completed, alumni, withdrawn or ended_early.' }),
    programme: z.object({ code: z.string(), name: z.string() }),
    partnership: z.object({ id: z.uuid(), title: z.string() }),
    roundNumber: z.number().int().nullable().openapi({ description: 'The exchange round the person was nominated in; null for records from before nominations.' }),
    home: z.object({ organisation: z.string(), country: z.string() }).openapi({ description: 'The sending organisation and its country (ISO 3166-1 alpha-2).' }),
    host: z.object({ organisation: z.string(), country: z.string() }),
    startsOn: date,
    endsOn: date,
    actualStartsOn: date.nullable(),
    actualEndsOn: date.nullable(),
  })
  .openapi('ParticipantSummary');

const ParticipantPageSchema = pageSchema(ParticipantSummarySchema, 'ParticipantPage').extend({
  totalCapped: z.boolean().openapi({ description: `True when more than ${LIST_TOTAL_CAP} match: counting stops there and \`total\` is ${LIST_TOTAL_CAP}.` }),
});

const filters = describeFields(participantFilter, {
  q: 'Words that each begin the given or the family name, in any order and any case (`thapa ram`).',
  programme: 'Programme code.',
  partnership: 'A partnership’s id.',
  round: 'An exchange round’s id (a stage of a partnership’s agreement chain).',
  homeCountry: 'ISO 3166-1 alpha-2 code of the sending organisation’s country, for example NP.',
  hostCountry: 'ISO 3166-1 alpha-2 code of the host organisation’s country, for example NO.',
  status: 'nominated, approved, preparing, in_placement, returned, completed, alumni, withdrawn or ended_early.',
  year: 'The year the stay starts as planned, for example 2026.',
  gender: 'female, male, other or undisclosed.',
  age: 'Age when the stay starts: up-to-25, 26-30, 31-35 or 36-plus.',
  after: 'The `next` cursor of the previous page.',
});

const who =
  'Administrators see everyone; programme advisers the participants of the programmes they follow; partner coordinators the people their organisation sends or hosts; a participant their own record. Others are refused (403).';

const list = createRoute({
  method: 'get',
  operationId: 'listParticipants',
  path: '/v1/participants',
  tags: ['Participants'],
  summary: 'Participants you may see',
  description: `${who} Ordered by family then given name, ${PARTICIPANT_PAGE_SIZE} per page.`,
  security: sessionCookie,
  request: { query: filters },
  responses: {
    200: { description: 'One page of participants; a Link header points at the next page.', content: { 'application/json': { schema: ParticipantPageSchema } } },
    ...problemResponses([400, 401, 403]),
  },
});

const exportCsv = createRoute({
  method: 'get',
  operationId: 'exportParticipantsCsv',
  path: '/v1/participants/export.csv',
  tags: ['Participants'],
  summary: 'Every participant you may see that matches the filters, as CSV',
  description: `${who} The same filters as the list, all rows in one file that is streamed as it is read (UTF-8 with a byte-order mark; headings, statuses and genders in the language of Accept-Language). \`after\` starts after that cursor.`,
  security: sessionCookie,
  request: { query: filters },
  responses: {
    200: {
      description: 'The CSV file.',
      headers: { 'Content-Disposition': { description: 'attachment, with a file name.', schema: { type: 'string' } } },
      content: { 'text/csv': { schema: z.string() } },
    },
    ...problemResponses([400, 401, 403]),
  },
});

export function registerParticipants(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const page = await listParticipants(c.var.core, c.req.valid('query'));
    setNextPageLink(c, page.next);
    return c.json(
      {
        items: page.items.map((p) => ({
          id: p.id,
          givenName: p.givenName,
          familyName: p.familyName,
          gender: p.gender,
          status: p.status,
          programme: { code: p.programmeCode, name: p.programmeName },
          partnership: { id: p.partnershipId, title: p.partnershipTitle },
          roundNumber: p.roundNumber,
          home: { organisation: p.homeOrganisation, country: p.homeCountry },
          host: { organisation: p.hostOrganisation, country: p.hostCountry },
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          actualStartsOn: p.actualStartsOn,
          actualEndsOn: p.actualEndsOn,
        })),
        total: page.total,
        totalCapped: page.totalCapped,
        next: page.next,
      },
      200,
    );
  });

  api.openapi(exportCsv, async (c) => {
    const body = await exportParticipantsCsv(c.var.core, { filter: c.req.valid('query'), locale: requestTranslator(c).locale });
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachmentDisposition(`participants-${c.var.core.now().toISOString().slice(0, 10)}.csv`),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });
}
