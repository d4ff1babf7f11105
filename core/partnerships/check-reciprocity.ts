/**
 * The reciprocity rule (docs/architecture.md#reciprocity-rule): across an exchange plan every partner both sends and hosts.
 * Problems name the partner and what is missing, so the refusal message can say exactly that.
 */
export interface ReciprocityPartner {
  id: string;
  name: string;
}

export interface ReciprocityFlow {
  from: string;
  to: string;
  participants: number;
}

export type ReciprocityProblemCode = 'hostsNoOne' | 'sendsNoOne' | 'selfFlow' | 'unknownPartner' | 'noParticipants';

export interface ReciprocityProblem {
  code: ReciprocityProblemCode;
  partnerId?: string;
  partnerName?: string;
  flowIndex?: number;
}

/**
 * Returns the problems in a stable order: per partner in the partners' order (sendsNoOne before
 * hostsNoOne), then per flow by index. An empty array means the plan is reciprocal.
 */
export function checkReciprocity(
  partners: readonly ReciprocityPartner[],
  flows: readonly ReciprocityFlow[],
): ReciprocityProblem[] {
  const known = new Set(partners.map((p) => p.id));
  const senders = new Set<string>();
  const hosts = new Set<string>();
  const flowProblems: ReciprocityProblem[] = [];

  flows.forEach((flow, flowIndex) => {
    const problems = problemsOfFlow(flow, flowIndex, known);
    flowProblems.push(...problems);
    // A broken flow must not make a partner look reciprocal: the plan would pass on a typo.
    if (problems.length > 0) return;
    senders.add(flow.from);
    hosts.add(flow.to);
  });

  const partnerProblems = partners.flatMap((p): ReciprocityProblem[] => {
    const problems: ReciprocityProblem[] = [];
    if (!senders.has(p.id)) problems.push({ code: 'sendsNoOne', partnerId: p.id, partnerName: p.name });
    if (!hosts.has(p.id)) problems.push({ code: 'hostsNoOne', partnerId: p.id, partnerName: p.name });
    return problems;
  });

  return [...partnerProblems, ...flowProblems];
}

function problemsOfFlow(flow: ReciprocityFlow, flowIndex: number, known: ReadonlySet<string>): ReciprocityProblem[] {
  const problems: ReciprocityProblem[] = [];
  // A self-flow to an unknown id would otherwise report the same unknown id twice.
  const unknownIds = [...new Set([flow.from, flow.to])].filter((id) => !known.has(id));
  for (const partnerId of unknownIds) problems.push({ code: 'unknownPartner', partnerId, flowIndex });
  if (flow.from === flow.to && unknownIds.length === 0) {
    problems.push({ code: 'selfFlow', partnerId: flow.from, flowIndex });
  }
  // Written as "not at least one" so that NaN, which compares false to everything, is refused too.
  if (!(flow.participants >= 1)) problems.push({ code: 'noParticipants', flowIndex });
  return problems;
}
