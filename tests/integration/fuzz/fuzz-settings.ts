/**
 * How much the fuzz tests try, and from which seed.
 *
 * `npm test` runs a fixed sample (150 generated inputs per page action and API operation, 30 hostile
 * addresses per page, seed 20261128), so whether a run passes never depends on chance: a commit that passed
 * passes again. `npm run test:fuzz` explores: 1,000 inputs each and a new seed every run; a failure prints
 * its seed and counterexample, and the reproduction goes into `hostile-reproductions.test.ts`.
 * `FUZZ_RUNS` and `FUZZ_SEED` (a number, or `random`) override either.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
export const READ_RUNS = Math.max(30, Math.round(RUNS / 10));
const seed = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261128);

/** fast-check's options for `runs` inputs from this run's seed. */
export function fuzzOptions(runs: number) {
  return seed === undefined ? { numRuns: runs } : { numRuns: runs, seed };
}
