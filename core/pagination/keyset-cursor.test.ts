import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';

const id = '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b';

describe('keyset cursor', () => {
  it('gives back what it encoded, for any storable sort key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')), (key) => {
        expect(decodeCursor(encodeCursor(key, id))).toEqual([key, id]);
      }),
    );
  });

  it('means the first page when there is none', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each([
    ['a forged pair of texts (["a","b"])', 'WyJhIiwiYiJd'],
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('nonsense').toString('base64url')],
    ['a NUL in the sort key', encodeCursor('a\u0000b', id)],
    ['a lone surrogate', Buffer.from('["\\udfff","' + id + '"]').toString('base64url')],
    ['three parts', Buffer.from(JSON.stringify(['a', id, 'c'])).toString('base64url')],
    ['a number for the id', Buffer.from(JSON.stringify(['a', 1])).toString('base64url')],
  ])('refuses %s as invalidCursor on "after"', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(DomainError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalidCursor', field: 'after', status: 400 });
    }
  });

  it('never throws anything but the refusal, whatever is sent', () => {
    fc.assert(
      fc.property(fc.string(), (cursor) => {
        try {
          decodeCursor(cursor);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
    );
  });
});
