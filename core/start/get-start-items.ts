import type { CoreContext } from '../context.ts';
import { UnauthenticatedError } from '../errors.ts';
import { financeStartItems } from './finance-start-items.ts';
import { agencyStartItems } from './agency-start-items.ts';
import { coordinatorStartItems } from './coordinator-start-items.ts';
import { participantStartItems } from './participant-start-items.ts';
import type { StartSection } from './start-item.ts';

/**
 * What needs the signed-in person now, for their start page (/{lang}/start and GET /v1/me/start): a
 * section per part they play (the agency, its finance, each organisation they coordinate, their own
 * exchange). Roles with nothing to act on get no sections; the page then says so.
 */
export async function getStartItems(ctx: CoreContext): Promise<{ sections: StartSection[]; total: number }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const sections = [...(await agencyStartItems(ctx, actor)), ...(await financeStartItems(ctx, actor)), ...(await coordinatorStartItems(ctx, actor)), ...(await participantStartItems(ctx, actor))];
  return { sections, total: sections.reduce((n, s) => n + s.items.length, 0) };
}
