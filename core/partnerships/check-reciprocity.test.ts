import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReciprocity, type ReciprocityPartner } from './check-reciprocity.ts';

const ethiopia = { id: 'et', name: 'Addis Ababa University' };
const norway = { id: 'no', name: 'Haukeland University Hospital' };
const nepal = { id: 'np', name: 'Kathmandu Model Hospital' };

describe('checkReciprocity', () => {
  it('accepts a triangular round where everyone sends and hosts', () => {
    const flows = [
      { from: 'et', to: 'np', participants: 2 },
      { from: 'np', to: 'no', participants: 1 },
      { from: 'no', to: 'et', participants: 3 },
    ];
    expect(checkReciprocity([ethiopia, norway, nepal], flows)).toEqual([]);
  });

  it('says "Kathmandu Model Hospital hosts no one" in the Ethiopia–Norway–Nepal triangle', () => {
    const flows = [
      { from: 'et', to: 'no', participants: 2 },
      { from: 'no', to: 'et', participants: 1 },
      { from: 'np', to: 'no', participants: 2 },
    ];
    expect(checkReciprocity([ethiopia, norway, nepal], flows)).toEqual([
      { code: 'hostsNoOne', partnerId: 'np', partnerName: 'Kathmandu Model Hospital' },
    ]);
  });

  it('orders problems per partner (sends before hosts), then flows by index', () => {
    const flows = [
      { from: 'et', to: 'et', participants: 1 },
      { from: 'et', to: 'xx', participants: 1 },
      { from: 'no', to: 'et', participants: 0 },
    ];
    expect(checkReciprocity([ethiopia, norway], flows)).toEqual([
      { code: 'sendsNoOne', partnerId: 'et', partnerName: ethiopia.name },
      { code: 'hostsNoOne', partnerId: 'et', partnerName: ethiopia.name },
      { code: 'sendsNoOne', partnerId: 'no', partnerName: norway.name },
      { code: 'hostsNoOne', partnerId: 'no', partnerName: norway.name },
      { code: 'selfFlow', partnerId: 'et', flowIndex: 0 },
      { code: 'unknownPartner', partnerId: 'xx', flowIndex: 1 },
      { code: 'noParticipants', flowIndex: 2 },
    ]);
  });

  it('reports an unknown self-flow once, and refuses NaN or negative participants', () => {
    const flows = [
      { from: 'zz', to: 'zz', participants: 1 },
      { from: 'et', to: 'no', participants: Number.NaN },
      { from: 'no', to: 'et', participants: -2 },
    ];
    const flowProblems = checkReciprocity([ethiopia, norway], flows).filter((p) => p.flowIndex !== undefined);
    expect(flowProblems).toEqual([
      { code: 'unknownPartner', partnerId: 'zz', flowIndex: 0 },
      { code: 'noParticipants', flowIndex: 1 },
      { code: 'noParticipants', flowIndex: 2 },
    ]);
  });

  it('reports every partner of an empty plan', () => {
    expect(checkReciprocity([ethiopia, nepal], []).map((p) => `${p.code}:${p.partnerId}`)).toEqual([
      'sendsNoOne:et',
      'hostsNoOne:et',
      'sendsNoOne:np',
      'hostsNoOne:np',
    ]);
  });
});

// Partners p0..pN-1; flows may also name 'ghost' (unknown) and carry 0 or negative participants.
const plan = fc.integer({ min: 2, max: 5 }).chain((n) => {
  const partners: ReciprocityPartner[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Partner ${i}` }));
  const id = fc.constantFrom(...partners.map((p) => p.id), 'ghost');
  const flow = fc.record({ from: id, to: id, participants: fc.integer({ min: -1, max: 4 }) });
  const validFlow = fc
    .tuple(fc.nat(n - 1), fc.integer({ min: 1, max: n - 1 }), fc.integer({ min: 1, max: 4 }))
    .map(([from, offset, participants]) => ({ from: `p${from}`, to: `p${(from + offset) % n}`, participants }));
  return fc.record({ partners: fc.constant(partners), flows: fc.array(flow, { maxLength: 12 }), extra: validFlow });
});

const isPartnerProblem = (code: string) => code === 'sendsNoOne' || code === 'hostsNoOne';
const keysOf = (problems: { code: string; partnerId?: string }[]) => problems.map((p) => `${p.code}:${p.partnerId ?? ''}`).sort();

describe('checkReciprocity properties', () => {
  it('finds partner problems exactly when an independent count of senders and hosts says so', () => {
    fc.assert(
      fc.property(plan, ({ partners, flows }) => {
        const ids = partners.map((p) => p.id);
        const counts = flows.reduce(
          (acc, f) => {
            const valid = ids.includes(f.from) && ids.includes(f.to) && f.from !== f.to && f.participants > 0;
            return valid ? { sent: [...acc.sent, f.from], hosted: [...acc.hosted, f.to] } : acc;
          },
          { sent: [] as string[], hosted: [] as string[] },
        );
        const reciprocal = ids.every((id) => counts.sent.includes(id) && counts.hosted.includes(id));
        const problems = checkReciprocity(partners, flows);
        expect(problems.some((p) => isPartnerProblem(p.code))).toBe(!reciprocal);
      }),
    );
  });

  it('never gains a sending or hosting problem when a valid flow is added', () => {
    fc.assert(
      fc.property(plan, ({ partners, flows, extra }) => {
        const before = keysOf(checkReciprocity(partners, flows).filter((p) => isPartnerProblem(p.code)));
        const after = keysOf(checkReciprocity(partners, [...flows, extra]).filter((p) => isPartnerProblem(p.code)));
        expect(after.every((key) => before.includes(key))).toBe(true);
      }),
    );
  });

  it('does not depend on the order of flows', () => {
    fc.assert(
      fc.property(
        plan.chain((p) => fc.shuffledSubarray(p.flows, { minLength: p.flows.length }).map((shuffled) => ({ ...p, shuffled }))),
        ({ partners, flows, shuffled }) => {
          expect(keysOf(checkReciprocity(partners, shuffled))).toEqual(keysOf(checkReciprocity(partners, flows)));
        },
      ),
    );
  });
});
