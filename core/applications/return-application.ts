import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationRemarks } from '../../db/schema/applications.ts';
import type { CoreContext } from '../context.ts';
import { requireUser } from '../identity/permissions.ts';
import { APPLICATION_SECTIONS } from './application-sections.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { decidable } from './decidable-application.ts';

export const returnInput = z
  .object(Object.fromEntries(APPLICATION_SECTIONS.map((s) => [s, text().trim().max(2000, 'tooLong')])) as Record<(typeof APPLICATION_SECTIONS)[number], z.ZodString>)
  .refine((v) => Object.values(v).some((r) => r.length > 0), { message: 'remarkRequired', path: ['basics'] });

/** Back to the partners for changes, with the adviser's remarks per section; they edit and resubmit. */
export async function returnApplication(ctx: CoreContext, { applicationId: id, remarks }: { applicationId: string; remarks: Record<string, string> }) {
  const actor = requireUser(ctx.actor);
  await decidable(ctx, id);
  const given = Object.entries(remarks).filter(([section, remark]) => (APPLICATION_SECTIONS as readonly string[]).includes(section) && remark.trim());
  return changeApplicationStatus(ctx, id, {
    to: 'returned',
    message: given.map(([, remark]) => remark.trim()).join('\n\n'),
    after: async (tx) => {
      await tx.insert(applicationRemarks).values(given.map(([section, remark]) => ({ applicationId: id, section, remark: remark.trim(), authorId: actor.userId })));
    },
  });
}
