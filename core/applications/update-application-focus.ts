import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applications, type MarkerValues } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { isCode } from '../reference/codelists.ts';
import { lockEditableApplication } from './editable-application.ts';
import { MARKERS } from './markers.ts';

const significance = z.coerce.number().int().min(0, 'chooseSignificance').max(2, 'chooseSignificance');

export const applicationFocusInput = z
  .object({
    sectorCode: text().refine((code) => isCode('Sector', code), 'sectorRequired'),
    sdgGoals: z.array(text().refine((code) => isCode('UNSDG-Goals', code), 'invalid')).min(1, 'chooseSdg').max(17),
    sdgTargets: z.array(text().refine((code) => isCode('UNSDG-Targets', code), 'invalid')).max(30, 'tooMany'),
    markers: z.object(Object.fromEntries(MARKERS.map((m) => [m.code, significance])) as Record<(typeof MARKERS)[number]['code'], typeof significance>),
  })
  // A target belongs to its goal ("3.8" to goal 3): choosing it without the goal is a slip, not a choice.
  .refine((v) => v.sdgTargets.every((t) => v.sdgGoals.includes(t.split('.')[0]!)), { message: 'targetWithoutGoal', path: ['sdgTargets'] });
export type ApplicationFocusInput = z.infer<typeof applicationFocusInput>;

/** Sector (DAC), SDGs and their targets, and the cross-cutting markers with significance 0/1/2. */
/** `version`: the updatedAt the form was loaded with; omitted by callers that hold no version (none today but tests). */
export async function updateApplicationFocus(ctx: CoreContext, { applicationId: id, version, ...input }: ApplicationFocusInput & { applicationId: string; version?: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockEditableApplication(ctx, tx, id, version);
    const after = { sectorCode: input.sectorCode, sdgGoals: input.sdgGoals, sdgTargets: input.sdgTargets, markers: input.markers as MarkerValues };
    await tx.update(applications).set({ ...after, updatedAt: new Date() }).where(eq(applications.id, id));
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'application.focus-updated',
      recordType: 'application',
      recordId: id,
      before: { sectorCode: before.sectorCode, sdgGoals: before.sdgGoals, sdgTargets: before.sdgTargets, markers: before.markers },
      after,
    });
  });
}
