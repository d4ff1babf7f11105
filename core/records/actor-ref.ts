import type { CoreContext } from '../context.ts';

/** Who acts, for a record's "submitted by" / "decided by" columns: the user's id and a label to show. */
export function actorRef(ctx: CoreContext): { id: string | null; label: string } {
  const actor = ctx.actor;
  if (actor.kind === 'user') return { id: actor.userId, label: actor.name || actor.email };
  if (actor.kind === 'system') return { id: null, label: `system:${actor.label}` };
  return { id: null, label: 'visitor' };
}
