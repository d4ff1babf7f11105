import { describe, expect, it } from 'vitest';
import { isPlainRead } from './is-plain-read.ts';

describe('a plain read', () => {
  it('is a SELECT that locks nothing', () => {
    expect(isPlainRead('select "id" from "partnerships" where "id" = $1')).toBe(true);
    expect(isPlainRead('\n  SELECT 1')).toBe(true);
    expect(isPlainRead('select "id" from "tranches" where "id" = $1 for update')).toBe(false);
    expect(isPlainRead('select * from t for no key update')).toBe(false);
    expect(isPlainRead('select * from t FOR SHARE')).toBe(false);
    expect(isPlainRead('with moved as (delete from t returning *) select * from moved')).toBe(false);
    expect(isPlainRead('insert into t values ($1)')).toBe(false);
    expect(isPlainRead('update t set a = 1')).toBe(false);
  });
});
