import { asc, eq } from 'drizzle-orm';
import { alumniProfiles, engagementActivities, engagementPlans } from '../../db/schema/care.ts';
import type { CoreContext } from '../context.ts';
import { BACK_HOME, ownParticipant } from './own-participant.ts';

/**
 * The signed-in participant's engagement at home: the plan (with its version), the activities logged after
 * return, and their alumni directory profile once they are alumni.
 */
export async function getEngagement(ctx: CoreContext) {
  const me = await ownParticipant(ctx);
  const [[plan], activities, [profile]] = await Promise.all([
    ctx.db.select().from(engagementPlans).where(eq(engagementPlans.participantId, me.id)),
    ctx.db.select().from(engagementActivities).where(eq(engagementActivities.participantId, me.id)).orderBy(asc(engagementActivities.heldOn), asc(engagementActivities.createdAt)),
    ctx.db.select().from(alumniProfiles).where(eq(alumniProfiles.participantId, me.id)),
  ]);
  return {
    participantId: me.id,
    status: me.status,
    plan: plan?.plan ?? '',
    /** '' until the plan is first saved. */
    planVersion: plan?.updatedAt.toISOString() ?? '',
    canLogActivities: (BACK_HOME as readonly string[]).includes(me.status),
    activities: activities.map((a) => ({ id: a.id, what: a.what, place: a.place, heldOn: a.heldOn, peopleReached: a.peopleReached })),
    isAlumni: me.status === 'alumni',
    profile: {
      listed: profile?.listed ?? false,
      profession: profile?.profession ?? me.profession,
      bio: profile?.bio ?? '',
      contactEmail: profile?.contactEmail ?? (ctx.actor.kind === 'user' ? ctx.actor.email : ''),
      showEmail: profile?.showEmail ?? false,
    },
  };
}
