import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { addCourseSession } from '../../core/courses/add-course-session.ts';
import { createCourse } from '../../core/courses/create-course.ts';
import { enrolInCourse } from '../../core/courses/enrol-in-course.ts';
import { getCourse } from '../../core/courses/get-course.ts';
import { listCourses } from '../../core/courses/list-courses.ts';
import { recordAttendance } from '../../core/courses/record-attendance.ts';
import { removeCourseSession } from '../../core/courses/remove-course-session.ts';
import { unenrolFromCourse } from '../../core/courses/unenrol-from-course.ts';
import { FieldProblemsError } from '../../core/errors.ts';
import type { ApiEnv } from '../api-env.ts';
import { etagFor, requireVersion } from '../optimistic-lock.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  AttendanceSchema,
  courseBodyOf,
  CourseCreateSchema,
  CourseEnrolmentParams,
  CourseIdParams,
  CourseListQuery,
  CourseListSchema,
  CourseSchema,
  CourseSessionParams,
  EnrolmentSchema,
  SessionCreateSchema,
} from '../schemas/course-schemas.ts';
import { sessionCookie } from '../security.ts';
import { z } from '@hono/zod-openapi';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Courses (issue 10.6): preparatory courses, youth camps and homecoming seminars, their sessions, who is
 * enrolled and who attended. Read by the agency and partner coordinators; run by the course's owner.
 */
const common = { tags: ['Courses'], security: sessionCookie };
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const read = permitted('course:read');
const manage = permitted('course:manage');
const etagHeader = { ETag: { description: 'The course’s version.', schema: { type: 'string' as const } } };
const courseAnswer = (description: string) => ({ description, headers: etagHeader, content: { 'application/json': { schema: CourseSchema } } });
const runners = 'Whoever runs the course: for a programme’s course administrators and programme advisers, for an organisation’s its coordinators (and administrators).';

const list = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'listCourses',
  path: '/v1/courses',
  summary: 'List courses',
  description: 'Administrators and programme advisers see every course; a partner coordinator the programmes’ courses and their own organisations’.',
  request: { query: CourseListQuery },
  responses: { 200: { description: 'The courses.', content: { 'application/json': { schema: CourseListSchema } } }, ...problemResponses([400, 401, 403]) },
});

const create = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'createCourse',
  path: '/v1/courses',
  summary: 'Define a course',
  description: 'A programme’s course (administrators, programme advisers) or an organisation’s (its coordinators). A preparatory course spans at least two weeks (`preparatoryTooShort`).',
  request: json(CourseCreateSchema),
  responses: {
    201: { ...courseAnswer('Created. Location names the new course.'), headers: { ...etagHeader, Location: { description: 'The new course’s address.', schema: { type: 'string' } } } },
    ...problemResponses([400, 401, 403, 415, 422]),
  },
});

const get = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'getCourse',
  path: '/v1/courses/{id}',
  summary: 'A course with its sessions, enrolments and attendance',
  description: 'Those who run it see everyone enrolled; others the people they follow. The ETag is the version an attendance save presents.',
  request: { params: CourseIdParams },
  responses: { 200: courseAnswer('The course.'), ...problemResponses([401, 403, 404]) },
});

const addSession = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'addCourseSession',
  path: '/v1/courses/{id}/sessions',
  summary: 'Add a session',
  description: `${runners} A day within the course, times in its time zone.`,
  request: { params: CourseIdParams, ...json(SessionCreateSchema) },
  responses: { 201: courseAnswer('Added; the course as it is now.'), ...problemResponses([400, 401, 403, 404, 415, 422]) },
});

const removeSession = createRoute({
  ...common,
  middleware: manage,
  method: 'delete',
  operationId: 'removeCourseSession',
  path: '/v1/courses/{id}/sessions/{sessionId}',
  summary: 'Remove a session',
  description: `${runners} The attendance recorded for it goes with it.`,
  request: { params: CourseSessionParams },
  responses: { 200: courseAnswer('Removed; the course as it is now.'), ...problemResponses([401, 403, 404]) },
});

const enrol = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'enrolInCourse',
  path: '/v1/courses/{id}/enrolments',
  summary: 'Enrol a participant',
  description: `${runners} Only participants you may see. A full course is refused (409 \`courseFull\`, with the figures).`,
  request: { params: CourseIdParams, ...json(EnrolmentSchema) },
  responses: { 201: courseAnswer('Enrolled; the course as it is now.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Full (`courseFull`), or already enrolled (`alreadyEnrolled`).' }) },
});

const unenrol = createRoute({
  ...common,
  middleware: manage,
  method: 'delete',
  operationId: 'unenrolFromCourse',
  path: '/v1/courses/{id}/enrolments/{participantId}',
  summary: 'Take a participant off a course',
  description: `${runners} Their attendance at its sessions goes too.`,
  request: { params: CourseEnrolmentParams },
  responses: { 200: courseAnswer('Taken off; the course as it is now.'), ...problemResponses([401, 403, 404]) },
});

const attendance = createRoute({
  ...common,
  middleware: manage,
  method: 'put',
  operationId: 'recordCourseAttendance',
  path: '/v1/courses/{id}/attendance',
  summary: 'Record the attendance grid',
  description: `${runners} The whole grid at once: the pairs in \`present\` are recorded present, every other enrolled person at every session absent. Send the version you read (If-Match or \`version\`): if the course changed since, nothing is saved (409 \`staleEdit\`).`,
  request: {
    params: CourseIdParams,
    headers: z.object({ 'if-match': z.string().optional().openapi({ description: 'The ETag from GET /v1/courses/{id}.', example: '"2026-11-22T10:00:00.000Z"' }) }),
    ...json(AttendanceSchema),
  },
  responses: { 200: courseAnswer('Saved; the course as it is now.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428], { 409: 'The course changed after the version you sent (`staleEdit`); nothing was saved.' }) },
});

export function registerCourses(api: OpenAPIHono<ApiEnv>) {
  const answer = async (c: Context<ApiEnv>, id: string) => {
    const details = await getCourse(c.var.core, { courseId: id });
    c.header('ETag', etagFor(details.course.updatedAt));
    return courseBodyOf(details);
  };

  api.openapi(list, async (c) => {
    const { kind, when } = c.req.valid('query');
    const items = await listCourses(c.var.core, { kind, when });
    return c.json({ items }, 200);
  });

  api.openapi(create, async (c) => {
    const { id } = await refusedAsApi(createCourse(c.var.core, c.req.valid('json')));
    c.header('Location', `/api/v1/courses/${id}`);
    return c.json(await answer(c, id), 201);
  });

  api.openapi(get, async (c) => c.json(await answer(c, c.req.valid('param').id), 200));

  api.openapi(addSession, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(addCourseSession(c.var.core, { courseId: id, ...c.req.valid('json') }));
    return c.json(await answer(c, id), 201);
  });

  api.openapi(removeSession, async (c) => {
    const { id, sessionId } = c.req.valid('param');
    await removeCourseSession(c.var.core, { courseId: id, sessionId });
    return c.json(await answer(c, id), 200);
  });

  api.openapi(enrol, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await refusedAsApi(enrolInCourse(c.var.core, { courseId: id, participantId: c.req.valid('json').participantId }));
    } catch (error) {
      // A full course is a conflict with the course as it is, not a wrong value.
      if (error instanceof ApiProblem && error.code === 'courseFull') throw new ApiProblem(409, 'courseFull', { params: error.options.params });
      if (error instanceof FieldProblemsError && error.code === 'courseFull') throw new ApiProblem(409, 'courseFull', { params: error.params });
      throw error;
    }
    return c.json(await answer(c, id), 201);
  });

  api.openapi(unenrol, async (c) => {
    const { id, participantId } = c.req.valid('param');
    await unenrolFromCourse(c.var.core, { courseId: id, participantId });
    return c.json(await answer(c, id), 200);
  });

  api.openapi(attendance, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, present } = c.req.valid('json');
    const version = requireVersion(c.req.valid('header')['if-match'], bodyVersion);
    await recordAttendance(c.var.core, { courseId: id, version, present });
    return c.json(await answer(c, id), 200);
  });
}
