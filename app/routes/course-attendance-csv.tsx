import { getCourse } from '../../core/courses/get-course.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { attendanceCsv, attendanceFileName } from '../participants/course-attendance-csv.server.ts';
import type { Route } from './+types/course-attendance-csv';

/** The course's attendance as a CSV download (a resource route: no page), for whoever sees the course. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const details = await getCourse(context.core, { courseId: params.id });
    return new Response(attendanceCsv(t, details), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(attendanceFileName(t, details.course.title)),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
