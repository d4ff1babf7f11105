import { DomainError } from '../errors.ts';

/** One use of an account's money: what it went to, how much, who moved it and when. */
export interface FundsUse {
  entryId: string;
  label: string;
  amountMinor: number;
  postedAt: Date;
  postedBy: string;
}

/**
 * Money may not leave an account that does not hold it: refused (409) with the figures — what was
 * needed, what is left, in which currency — and by whom the rest was used, largest first.
 */
export class FundsShortError extends DomainError {
  constructor(
    readonly neededMinor: number,
    readonly leftMinor: number,
    readonly currency: string,
    readonly usedBy: FundsUse[],
    field = 'amount',
  ) {
    super('fundsShort', { status: 409, field, params: { needed: neededMinor / 100, left: leftMinor / 100, currency } });
    this.name = 'FundsShortError';
  }
}
