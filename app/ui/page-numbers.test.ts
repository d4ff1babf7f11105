import { describe, expect, it } from 'vitest';
import { pageWindow } from './page-numbers.tsx';

describe('the page numbers a list links to', () => {
  it('links every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
    // A gap of one page is that page, not an ellipsis.
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('links the first, the last and two either side of the current page in a long one, with gaps', () => {
    expect(pageWindow(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageWindow(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pageWindow(200, 200)).toEqual([1, null, 198, 199, 200]);
    expect(pageWindow(5, 200)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 200]);
  });
});
