import { asc, eq, inArray } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { listCalls } from '../calls/list-calls.ts';
import type { CoreContext } from '../context.ts';
import { organisationScope, requirePermission } from '../identity/permissions.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { continuationProblem, type ContinuationProblem } from '../partnerships/continuation-rule.ts';
import { loadPartnershipChains } from './partnership-continuation.ts';

export interface PartnershipChoice {
  id: string;
  title: string;
  programmeName: string;
  /** Which of the actor's organisations are partners in it (the one that would coordinate the follow-up). */
  organisationIds: string[];
  /** Per open call: why this partnership cannot continue into it, or null when it can. */
  problems: Record<string, ContinuationProblem | null>;
  /** The number its next exchange round will have (as `grantStage` numbers them). */
  nextRound: number;
}

/**
 * What a coordinator chooses from to start an application: open calls, their organisations, and their
 * partnerships, each with the agreement chain's verdict for every open call (the same rule that
 * starting, submitting and approving apply), so a page offers only the partnerships that can continue.
 */
export async function applicationStartOptions(ctx: CoreContext) {
  const now = ctx.now();
  const actor = ctx.actor;
  requirePermission(actor, 'application:create');
  const organisationIds = organisationScope(actor, 'application:create') ?? [];
  const [calls, orgs, memberships] = await Promise.all([
    listCalls(ctx, { phase: 'open' }),
    organisationIds.length
      ? ctx.db.select({ id: organisations.id, legalName: organisations.legalName }).from(organisations).where(inArray(organisations.id, organisationIds)).orderBy(asc(organisations.legalName))
      : [],
    organisationIds.length
      ? ctx.db
          .select({ id: partnerships.id, title: partnerships.title, organisationId: partnershipPartners.organisationId })
          .from(partnerships)
          .innerJoin(partnershipPartners, eq(partnershipPartners.partnershipId, partnerships.id))
          .where(inArray(partnershipPartners.organisationId, organisationIds))
          .orderBy(asc(partnerships.title))
      : [],
  ]);
  const chains = await loadPartnershipChains(ctx.db, [...new Set(memberships.map((m) => m.id))]);
  const today = osloDate(now);
  const choices: PartnershipChoice[] = [];
  for (const m of memberships) {
    const known = choices.find((c) => c.id === m.id);
    if (known) {
      known.organisationIds.push(m.organisationId);
      continue;
    }
    const chain = chains.get(m.id);
    if (!chain) continue;
    const problems = Object.fromEntries(calls.map((c) => [c.id, continuationProblem(chain, { stage: c.stage, programmeId: c.programmeId, programmeName: c.programmeName }, today)]));
    choices.push({ id: m.id, title: m.title, programmeName: chain.programmeName, organisationIds: [m.organisationId], problems, nextRound: chain.stages.filter((s) => s.kind === 'round').length + 1 });
  }
  return { calls, organisations: orgs, partnerships: choices };
}
