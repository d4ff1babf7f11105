import { checkPlanRules } from '../partnerships/check-plan-rules.ts';
import { checkReciprocity } from '../partnerships/check-reciprocity.ts';
import { isBeforeDeadline } from '../partnerships/check-deadline.ts';
import type { PartnershipShape } from '../partnerships/derive-shape.ts';
import type { ApplicationSection } from './application-sections.ts';
import type { ApplicationDetail } from './get-application.ts';
import { flowStartWindow } from './stage-period.ts';

/** Something that stops a submission: the section to fix, a message code `error.<code>` and its values. */
export interface SubmissionProblem {
  section: ApplicationSection | 'submit';
  code: string;
  params: Record<string, string | number>;
}

/**
 * Every reason the application cannot be submitted yet, in the order of the form's steps. Pure: the
 * caller loads the application; the rules themselves live in core/partnerships (reciprocity, shape).
 */
export function checkApplication(detail: ApplicationDetail, now: Date): SubmissionProblem[] {
  const { application, partners, flows, goals, programme, call } = detail;
  const problems: SubmissionProblem[] = [];
  const add = (section: SubmissionProblem['section'], code: string, params: SubmissionProblem['params'] = {}) => problems.push({ section, code, params });
  const nameOf = new Map(partners.map((p) => [p.organisationId, p.legalName]));

  if (!application.summary.trim()) add('basics', 'summaryRequired');
  if (partners.length < 2) add('partners', 'needTwoPartners');
  for (const rule of checkPlanRules(
    { partnerCountries: partners.map((p) => p.countryCode), flows: [] },
    { allowedShapes: programme.allowedShapes as PartnershipShape[], stayMonths: programme.stayMonths },
  )) {
    if (rule.code === 'shapeNotAllowed') add('partners', 'shapeNotAllowed', { shape: rule.shape, programme: programme.name });
    if (rule.code === 'noShape' && partners.length >= 2) add('partners', 'noShape');
  }
  for (const p of partners) if (!p.confirmedAt) add('partners', 'partnerNotConfirmed', { partner: p.legalName });

  if (!application.sectorCode) add('focus', 'sectorRequired');
  if (application.sdgGoals.length === 0) add('focus', 'chooseSdg');

  if (!goals.some((g) => g.organisationId === null)) add('goals', 'sharedGoalMissing');
  for (const p of partners) if (!goals.some((g) => g.organisationId === p.organisationId)) add('goals', 'partnerGoalMissing', { partner: p.legalName });

  if (flows.length === 0) add('plan', 'planEmpty');
  const reciprocity = checkReciprocity(
    partners.map((p) => ({ id: p.organisationId, name: p.legalName })),
    flows.map((f) => ({ from: f.sendingOrganisationId, to: f.hostOrganisationId, participants: f.participants })),
  );
  for (const r of reciprocity) {
    const partner = r.partnerName ?? nameOf.get(r.partnerId ?? '') ?? '';
    if (flows.length > 0 || (r.code !== 'hostsNoOne' && r.code !== 'sendsNoOne')) add('plan', r.code, { partner });
  }
  const allowed = [...programme.stayMonths].sort((a, b) => a - b);
  const window = flowStartWindow(call);
  for (const f of flows) {
    if (!programme.stayMonths.includes(f.months)) {
      add('plan', 'monthsNotAllowed', { months: f.months, allowed: allowed.join(', '), programme: programme.name });
    }
    // Saved before the rule existed, or the call's dates changed since: name the flow, it has to be replaced.
    if (f.startMonth < window.first || f.startMonth > window.last) {
      add('plan', 'flowStartOutsideCall', { sending: nameOf.get(f.sendingOrganisationId) ?? '', host: nameOf.get(f.hostOrganisationId) ?? '', month: f.startMonth, first: window.first, last: window.last });
    }
  }

  if (!application.emergencyPlan.trim()) add('emergency', 'emergencyPlanRequired');
  if (!isBeforeDeadline(call.deadline, now)) add('submit', 'deadlinePassed', { deadline: call.deadline });
  // A follow-up whose partnership may not continue into this call (core/partnerships/continuation-rule.ts).
  if (detail.chainProblem) add('submit', detail.chainProblem.code, detail.chainProblem.params);
  return problems;
}
