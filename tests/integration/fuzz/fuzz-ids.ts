import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, like } from 'drizzle-orm';
import { createApplication } from '../../../db/factories/application-factory.ts';
import { createCall } from '../../../db/factories/call-factory.ts';
import { createUnitCostTable } from '../../../db/factories/unit-cost-factory.ts';
import type { Database } from '../../../db/database.ts';
import { financialReportReceipts, financialReports } from '../../../db/schema/financial-reports.ts';
import { resultReports } from '../../../db/schema/result-reports.ts';
import { stageTranches } from '../../../db/schema/disbursements.ts';
import { ledgerEntries } from '../../../db/schema/ledger.ts';
import { partnershipStages } from '../../../db/schema/partnership-stages.ts';
import { incidents } from '../../../db/schema/care.ts';
import { calls } from '../../../db/schema/calls.ts';
import { organisations } from '../../../db/schema/organisations.ts';
import { courses, participants } from '../../../db/schema/participants.ts';
import { partnerships } from '../../../db/schema/partnerships.ts';
import { programmes } from '../../../db/schema/programmes.ts';
import { unitCostTables } from '../../../db/schema/unit-costs.ts';

/** The year of the unit-cost draft the fuzzed pages and operations work on. */
const UNIT_COST_DRAFT_YEAR = 2030;

/** Real records of the demo data (and a draft and a submitted application made here) for the fuzzed addresses. */
export async function fuzzIds(db: Database): Promise<Record<string, string>> {
  const [kathmandu] = await db.select().from(organisations).where(like(organisations.legalName, 'Kathmandu Model%'));
  const [bergen] = await db.select().from(organisations).where(eq(organisations.countryCode, 'NO'));
  const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1);
  const [programme] = await db.select({ id: programmes.id }).from(programmes).limit(1);
  const [call] = await db.select({ id: calls.id }).from(calls).limit(1);
  // Kathmandu's own course (demo data): its coordinators run it, so every form on its page is there to fuzz.
  const [course] = await db.select({ id: courses.id }).from(courses).where(eq(courses.organisationId, kathmandu!.id)).limit(1);
  const draft = await createApplication(db, { partners: [kathmandu!, bergen!], status: 'draft', title: 'Fuzzed draft' });
  // A nomination awaiting the host's answer (the demo's midwifery exchange), and its partnership, which has an approved round to nominate on.
  const [nominee] = await db.select({ id: participants.id, partnershipId: participants.partnershipId }).from(participants).where(eq(participants.status, 'nominated')).limit(1);
  const submitted = await createApplication(db, { partners: [kathmandu!, bergen!], status: 'submitted', title: 'Fuzzed submission', submittedAt: new Date() });
  // A participant Kathmandu sends, and an incident about them (incidents are not in the demo data).
  const [participant] = await db.select({ id: participants.id }).from(participants).where(eq(participants.homeOrganisationId, kathmandu!.id)).limit(1);
  const [incident] = await db
    .insert(incidents)
    .values({ participantId: participant!.id, kind: 'health', severity: 'high', description: 'Fuzzed incident', occurredOn: '2026-01-10', place: 'Bergen', reportedByLabel: 'fuzz' })
    .returning({ id: incidents.id });
  // The demo ledger's latest allocation to a programme: reversible, so the correction form gets past its first checks.
  const [ledgerEntry] = await db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.kind, 'allocation')).orderBy(desc(ledgerEntries.seq)).limit(1);
  // The demo's draft financial report (its forms), and a receipt with the report it belongs to.
  const [financialReport] = await db.select({ id: financialReports.id }).from(financialReports).where(eq(financialReports.status, 'draft')).limit(1);
  const [financialReceipt] = await db.select({ id: financialReportReceipts.id, reportId: financialReportReceipts.reportId }).from(financialReportReceipts).limit(1);
  // The demo's draft results report (its partner's forms) and the one awaiting the adviser (the decision forms).
  const [resultReportDraft] = await db.select({ id: resultReports.id }).from(resultReports).where(eq(resultReports.status, 'draft')).limit(1);
  const [resultReport] = await db.select({ id: resultReports.id }).from(resultReports).where(eq(resultReports.status, 'submitted')).limit(1);
  // A tranche to approve (its page offers the approval form), and a stage whose first tranche the demo paid, so its coordinating partner's onward-payment form is offered.
  const [tranche] = await db.select({ id: stageTranches.id }).from(stageTranches).where(eq(stageTranches.status, 'planned')).orderBy(asc(stageTranches.id)).limit(1);
  const [paidStage] = await db
    .select({ stageId: partnershipStages.id, partnershipId: partnershipStages.partnershipId })
    .from(stageTranches)
    .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId))
    .where(eq(stageTranches.status, 'paid'))
    .orderBy(asc(partnershipStages.id))
    .limit(1);
  // A unit-cost draft of the programme for 2030 (again after a fuzzed publication published it), and a
  // submitted application with a round in 2030, so that the publish page has a budget to preview.
  const [unitCostDraft] = await db
    .select({ id: unitCostTables.id })
    .from(unitCostTables)
    .where(and(eq(unitCostTables.programmeId, programme!.id), eq(unitCostTables.year, UNIT_COST_DRAFT_YEAR), eq(unitCostTables.status, 'draft')));
  let unitCostTable = unitCostDraft?.id;
  if (!unitCostTable) {
    unitCostTable = (await createUnitCostTable(db, { programmeId: programme!.id, year: UNIT_COST_DRAFT_YEAR, status: 'draft' })).id;
    const roundCall = await createCall(db, { programmeId: programme!.id, stage: 'round', title: 'Fuzzed round call' });
    await createApplication(db, { callId: roundCall.id, partners: [kathmandu!, bergen!], status: 'submitted', title: 'Fuzzed round', submittedAt: new Date(), flows: [{ from: 0, to: 1, startMonth: `${UNIT_COST_DRAFT_YEAR}-03` }, { from: 1, to: 0, startMonth: `${UNIT_COST_DRAFT_YEAR}-03` }] });
  }
  return {
    kathmandu: kathmandu!.id,
    ledgerEntry: ledgerEntry!.id,
    financialReport: financialReport?.id ?? randomUUID(),
    financialReceipt: financialReceipt?.id ?? randomUUID(),
    financialReceiptReport: financialReceipt?.reportId ?? randomUUID(),
    resultReportDraft: resultReportDraft?.id ?? randomUUID(),
    resultReport: resultReport?.id ?? randomUUID(),
    tranche: tranche?.id ?? randomUUID(),
    stage: paidStage?.stageId ?? randomUUID(),
    stagePartnership: paidStage?.partnershipId ?? partnership!.id,
    participant: participant!.id,
    incident: incident!.id,
    partnership: partnership!.id,
    programme: programme!.id,
    call: call!.id,
    course: course!.id,
    draft: draft.id,
    submitted: submitted.id,
    unknown: randomUUID(),
    nominee: nominee?.id ?? randomUUID(),
    nominating: nominee?.partnershipId ?? partnership!.id,
    unitCostTable,
    unitCostDraftYear: String(UNIT_COST_DRAFT_YEAR),
  };
}

export const fillIds = (url: string, ids: Record<string, string>) => url.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
