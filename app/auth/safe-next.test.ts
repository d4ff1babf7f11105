import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './guard.server.ts';

const publicUrl = 'https://exchange.example.no';
const fallback = '/en/account';

describe('safeNext (after sign-in)', () => {
  it.each([
    ['/nb/applications?status=submitted', '/nb/applications?status=submitted'],
    ['/fr/partnerships/3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b#chain', '/fr/partnerships/3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b#chain'],
    ['/es/organisations?q=Cochabamba Salud'.replace(' ', '%20'), '/es/organisations?q=Cochabamba%20Salud'],
  ])('keeps a path on this site: %s', (next, expected) => {
    expect(safeNext(next, fallback, publicUrl)).toBe(expected);
  });

  it.each([
    ['a tab that browsers strip (issue 8: /\\t/evil.example/)', '/\t/evil.example/'],
    ['a newline', '/en/\n/evil.example'],
    ['a carriage return', '/en\r/account'],
    ['an ideographic space (U+3000)', '/en/\u3000account'],
    ['a protocol-relative address', '//evil.example/'],
    ['a backslash', '/\\evil.example'],
    ['an absolute address', 'https://evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['nothing', ''],
  ])('falls back for %s', (_label, next) => {
    expect(safeNext(next, fallback, publicUrl)).toBe(fallback);
  });

  it('never leaves the site, whatever is sent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `/${s}`), fc.constantFrom('/\t/', '//', '/\\', '/%2F/')).map(String), (next) => {
        const target = safeNext(next, fallback, publicUrl);
        expect(target.startsWith('/')).toBe(true);
        expect(target.startsWith('//')).toBe(false);
        // eslint-disable-next-line no-control-regex -- control characters are what this checks for
        expect(/[\u0000-\u0020\u007f-\u00a0\u3000]/.test(target)).toBe(false);
        expect(new URL(target, publicUrl).origin).toBe(publicUrl);
      }),
      { numRuns: 1000 },
    );
  });
});
