import { describe, expect, it } from 'vitest';
import { publishedCount, suppressSmallCells } from './suppress-small-cells.ts';

const cells = (counts: Record<string, number>) => Object.entries(counts).map(([key, people]) => ({ key, people }));
const published = (counts: Record<string, number>) => Object.fromEntries(suppressSmallCells(cells(counts)).map((c) => [c.key, c.people]));

describe('suppressSmallCells', () => {
  it('publishes cells of 5 or more and leaves out empty ones', () => {
    expect(published({ a: 5, b: 12, c: 0 })).toEqual({ a: 5, b: 12 });
  });
  it('suppresses every cell of 1 to 4 people', () => {
    expect(published({ a: 1, b: 4, c: 5, d: 30 })).toEqual({ a: null, b: null, c: 5, d: 30 });
  });
  it('suppresses the next smallest cell too when only one is small, so the total does not give it away', () => {
    expect(published({ a: 3, b: 9, c: 7, d: 20 })).toEqual({ a: null, b: 9, c: null, d: 20 });
  });
  it('has nothing to pair a lone small cell with when it is the only one', () => {
    expect(published({ a: 2 })).toEqual({ a: null });
  });
  it('keeps the order of the cells', () => {
    expect(suppressSmallCells(cells({ z: 10, a: 6 })).map((c) => c.key)).toEqual(['z', 'a']);
  });
});

describe('publishedCount', () => {
  it('is the count, null under 5 people, and 0 for none', () => {
    expect([0, 1, 4, 5, 415].map((n) => publishedCount(n))).toEqual([0, null, null, 5, 415]);
  });
});
