import { describe, expect, it } from 'vitest';
import { agreementInForce, continuationProblem, type ContinuedPartnership, type GrantedStage } from './continuation-rule.ts';

const today = '2026-11-28';
const study: GrantedStage = { kind: 'feasibility', startsOn: '2025-09-01', endsOn: '2026-08-31', status: 'closed' };
const agreement: GrantedStage = { kind: 'agreement', startsOn: '2026-11-01', endsOn: '2029-10-31', status: 'active' };
const round: GrantedStage = { kind: 'round', startsOn: '2027-08-01', endsOn: '2028-07-31', status: 'approved' };

const partnership = (stages: GrantedStage[], overrides: Partial<ContinuedPartnership> = {}): ContinuedPartnership => ({
  title: 'Clinical teaching',
  programmeId: 'professional',
  programmeName: 'Professional',
  status: 'active',
  stages,
  ...overrides,
});
const call = (stage: GrantedStage['kind'], programmeId = 'professional') => ({ stage, programmeId, programmeName: programmeId === 'professional' ? 'Professional' : 'Health (ESTHER)' });

describe('which stage may continue a partnership', () => {
  it('lets a round continue an agreement in force, also after earlier rounds and before the agreement has begun', () => {
    expect(continuationProblem(partnership([agreement]), call('round'), today)).toBeNull();
    expect(continuationProblem(partnership([study, agreement, round]), call('round'), today)).toBeNull();
    expect(continuationProblem(partnership([{ ...agreement, startsOn: '2027-01-01', status: 'approved' }]), call('round'), today)).toBeNull();
  });

  it('refuses a round for a partnership with only a feasibility study, naming the partnership', () => {
    expect(continuationProblem(partnership([study]), call('round'), today)).toEqual({ code: 'roundNeedsAgreement', params: { partnership: 'Clinical teaching' } });
  });

  it('refuses a round once the agreement has ended, with its end date, or when it is winding down', () => {
    expect(continuationProblem(partnership([{ ...agreement, endsOn: '2026-10-31' }]), call('round'), today)).toEqual({ code: 'agreementEnded', params: { partnership: 'Clinical teaching', endsOn: '2026-10-31' } });
    // Its last day still counts.
    expect(continuationProblem(partnership([{ ...agreement, endsOn: today }]), call('round'), today)).toBeNull();
    expect(continuationProblem(partnership([{ ...agreement, status: 'closing' }]), call('round'), today)).toMatchObject({ code: 'agreementWindingDown' });
    expect(continuationProblem(partnership([{ ...agreement, status: 'closed' }]), call('round'), today)).toMatchObject({ code: 'agreementWindingDown' });
  });

  it('lets an agreement follow a feasibility study or renew an agreement, but not come from nothing', () => {
    expect(continuationProblem(partnership([study]), call('agreement'), today)).toBeNull();
    expect(continuationProblem(partnership([agreement, round]), call('agreement'), today)).toBeNull();
    expect(continuationProblem(partnership([]), call('agreement'), today)).toMatchObject({ code: 'agreementNeedsStudy' });
  });

  it('never lets a feasibility study continue a partnership: it starts one', () => {
    expect(continuationProblem(partnership([study]), call('feasibility'), today)).toMatchObject({ code: 'feasibilityStartsPartnership' });
  });

  it('keeps a partnership in its own programme, naming both, before any other rule', () => {
    expect(continuationProblem(partnership([agreement]), call('agreement', 'health'), today)).toEqual({
      code: 'continuationOtherProgramme',
      params: { partnership: 'Clinical teaching', programme: 'Professional', callProgramme: 'Health (ESTHER)' },
    });
    expect(continuationProblem(partnership([study]), call('round', 'health'), today)).toMatchObject({ code: 'continuationOtherProgramme' });
  });

  it('continues no closed partnership', () => {
    expect(continuationProblem(partnership([agreement], { status: 'closed' }), call('agreement'), today)).toMatchObject({ code: 'partnershipClosed' });
  });

  it('finds the agreement in force: the latest-ending one approved or running and not yet over', () => {
    const renewed: GrantedStage = { ...agreement, startsOn: '2029-11-01', endsOn: '2032-10-31', status: 'approved' };
    expect(agreementInForce([agreement, renewed], today)).toBe(renewed);
    expect(agreementInForce([study, round], today)).toBeUndefined();
  });
});
