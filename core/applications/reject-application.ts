import { z } from 'zod';
import { text } from '../input/text.ts';
import type { CoreContext } from '../context.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { decidable } from './decidable-application.ts';

export const rejectionInput = z.object({ reason: text().trim().min(10, 'reasonRequired').max(4000, 'tooLong') });

export async function rejectApplication(ctx: CoreContext, { applicationId: id, reason }: { applicationId: string; reason: string }) {
  const now = ctx.now();
  await decidable(ctx, id);
  return changeApplicationStatus(ctx, id, { to: 'rejected', set: { decidedAt: now, decisionReason: reason }, message: reason });
}
