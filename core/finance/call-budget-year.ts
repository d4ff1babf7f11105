/** The budget year a call's money belongs to: the year it opens. Its allocations come from the programme's money for that year. */
export function callBudgetYear(call: { opensOn: string }): number {
  return Number(call.opensOn.slice(0, 4));
}
