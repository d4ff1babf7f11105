/**
 * A small deterministic pseudo-random source (mulberry32), so demo data is the same on every machine
 * and test data is varied without depending on Math.random.
 */
export function createSequence(seed = 1) {
  let state = seed >>> 0;
  let counter = 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    /** A number that grows by one per call: for values that must differ between records. */
    count: () => ++counter,
  };
}

export type Sequence = ReturnType<typeof createSequence>;

/** Shared by factories when a test does not pass its own sequence. */
export const defaultSequence = createSequence(Number(process.env.VITEST_POOL_ID ?? 1) * 7919);
