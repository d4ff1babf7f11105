import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courses } from '../../db/schema/participants.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const form = (fields: [string, string][]) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('a course’s page, without JavaScript', () => {
  it('saves the attendance grid in one form, refuses a stale grid keeping what was ticked, and exports it as CSV', async () => {
    const [course] = await server.db.select().from(courses).where(eq(courses.title, 'Pre-departure course: Norway and Norwegian hospitals'));
    const url = `/en/courses/${course!.id}`;
    const page = await (await server.request(url)).text();
    const boxes = [...page.matchAll(/name="present" value="([0-9a-f-]+\/[0-9a-f-]+)"/g)].map((m) => m[1]!);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const version = page.match(/name="version" value="([^"]+)"/)![1]!;
    const saved = await server.request(url, form([['intent', 'attendance'], ['version', version], ['present', boxes[0]!]]));
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe(`${url}?done=attendance`);

    // The same old page saved again: refused, nothing lost, the current version in the form.
    const stale = await server.request(url, form([['intent', 'attendance'], ['version', version], ['present', boxes[1]!]]));
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain(`checked="" value="${boxes[1]}"`);
    expect(html).not.toContain(`name="version" value="${version}"`);

    const csv = await server.request(`${url}/attendance.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFFamily name,Given name,Sending organisation,Status,')).toBe(true);
    expect(text).toContain(',present,');
  });

  it('refuses a preparatory course shorter than two weeks beside the last day, in the page’s language', async () => {
    const page = await (await server.request('/nb/courses/new')).text();
    const owner = page.match(/<option value="(organisation:[0-9a-f-]+)"/)![1]!;
    const answer = await server.request(
      '/nb/courses/new',
      form([['kind', 'preparatory'], ['title', 'Kort kurs'], ['owner', owner], ['place', 'Førde'], ['startsOn', '2027-01-04'], ['endsOn', '2027-01-10'], ['capacity', '10'], ['timeZone', 'Europe/Oslo']]),
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('Et forberedelseskurs varer minst 14 dager');
    expect(html).toContain('href="#endsOn"');
  });
});
