import type { CoreContext } from '../context.ts';
import { applicationStartOptions, type PartnershipChoice } from './application-start-options.ts';

/** For one open call: the actor's partnerships that can continue into it, and those that cannot, with why. */
export async function continuationChoices(ctx: CoreContext, { callId }: { callId: string }) {
  const { partnerships: choices } = await applicationStartOptions(ctx);
  const verdict = (p: PartnershipChoice) => p.problems[callId];
  return {
    can: choices.filter((p) => callId in p.problems && verdict(p) === null),
    cannot: choices.filter((p) => verdict(p)).map((p) => ({ id: p.id, title: p.title, problem: verdict(p)! })),
  };
}
