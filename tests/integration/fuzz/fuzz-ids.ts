import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { createApplication } from '../../../db/factories/application-factory.ts';
import type { Database } from '../../../db/database.ts';
import { calls } from '../../../db/schema/calls.ts';
import { organisations } from '../../../db/schema/organisations.ts';
import { courses } from '../../../db/schema/participants.ts';
import { partnerships } from '../../../db/schema/partnerships.ts';
import { programmes } from '../../../db/schema/programmes.ts';

/** Real records of the demo data (and a draft and a submitted application made here) for the fuzzed addresses. */
export async function fuzzIds(db: Database): Promise<Record<string, string>> {
  const [kathmandu] = await db.select().from(organisations).where(like(organisations.legalName, 'Kathmandu Model%'));
  const [bergen] = await db.select().from(organisations).where(eq(organisations.countryCode, 'NO'));
  const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1);
  const [programme] = await db.select({ id: programmes.id }).from(programmes).limit(1);
  const [call] = await db.select({ id: calls.id }).from(calls).limit(1);
  // Kathmandu's own course (demo data): its coordinators run it, so every form on its page is there to fuzz.
  const [course] = await db.select({ id: courses.id }).from(courses).where(eq(courses.organisationId, kathmandu!.id)).limit(1);
  const draft = await createApplication(db, { partners: [kathmandu!, bergen!], status: 'draft', title: 'Fuzzed draft' });
  const submitted = await createApplication(db, { partners: [kathmandu!, bergen!], status: 'submitted', title: 'Fuzzed submission', submittedAt: new Date() });
  return {
    kathmandu: kathmandu!.id,
    partnership: partnership!.id,
    programme: programme!.id,
    call: call!.id,
    course: course!.id,
    draft: draft.id,
    submitted: submitted.id,
    unknown: randomUUID(),
  };
}

export const fillIds = (url: string, ids: Record<string, string>) => url.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
