import { eq } from 'drizzle-orm';
import { calls } from '../../db/schema/calls.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';

export async function decidable(ctx: CoreContext, id: string) {
  requirePermission(ctx.actor, 'application:decide');
  const application = await findReadableApplication(ctx, id);
  const [call] = await ctx.db.select().from(calls).where(eq(calls.id, application.callId));
  return { application, call: call! };
}
