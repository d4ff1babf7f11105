import fc from 'fast-check';

/**
 * Text as real clients send it on a bad day: copied text with control characters, NUL, lone surrogates,
 * right-to-left marks, very long strings, old links with forged cursors, markup and SQL, numbers where
 * text is expected and the other way round. Mixed with ordinary text, so that requests also get past
 * the first check and reach deeper code.
 */
const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\udfff\ud800',
  '\ud800',
  'e\u0301',
  '\u202e\u2066',
  '\u3000',
  '\r\n',
  '\t/evil.example/',
  '//evil.example/',
  '/\\evil.example',
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  'WyJhIiwiYiJd',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '1066-10-14',
  '9999-12-31',
  '2099-01',
  '0000-00-00',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  '',
  ' ',
);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(nasty, fc.string({ maxLength: 10 }), nasty).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.date({ noInvalidDate: true }), fc.constantFrom(7, 10, 24)).map(([d, length]) => d.toISOString().slice(0, length)) },
);

/** Any JSON value, hostile strings included, nested a little. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value for a known field: usually a sensible one seen on the page or in the document, sometimes hostile. */
export function fieldValue(sensible: string[]): fc.Arbitrary<string> {
  if (sensible.length === 0) return hostileText;
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...sensible) }, { weight: 2, arbitrary: hostileText });
}
