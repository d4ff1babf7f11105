import { and, asc, eq, like } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { coreContext } from '../../core/context.ts';
import { addFinancialReportReceipt } from '../../core/finance/add-financial-report-receipt.ts';
import { needsExplanation } from '../../core/finance/financial-report-rules.ts';
import { getFinancialReport } from '../../core/finance/get-financial-report.ts';
import { shareOf } from '../../core/finance/money.ts';
import { saveFinancialReport, type ReportLineInput } from '../../core/finance/save-financial-report.ts';
import { startFinancialReport } from '../../core/finance/start-financial-report.ts';
import { submitFinancialReport } from '../../core/finance/submit-financial-report.ts';
import { system } from '../../core/identity/actor.ts';
import type { Database } from '../database.ts';
import { applicationPartners } from '../schema/applications.ts';
import { financialReports } from '../schema/financial-reports.ts';
import { organisations } from '../schema/organisations.ts';
import { partnershipStages } from '../schema/partnership-stages.ts';

/** What each line really cost, as a share of its budget in basis points, by the line's place: mostly close, one well over, one under. */
const spentShares = [9_700, 10_200, 11_800, 10_000, 9_300, 10_050, 10_400, 8_600];
const explanations = [
  'Flights rose in price after the monsoon season closed the cheaper route through Delhi.',
  'One participant stayed a month longer at the host’s request, agreed with the agency.',
  'The visa was issued without a fee this year.',
];

/** A one-page PDF receipt, made the same way every time. */
async function receiptPdf(title: string, lines: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const fixed = new Date('2026-01-15T09:00:00Z');
  document.setTitle(title);
  document.setCreationDate(fixed);
  document.setModificationDate(fixed);
  document.setProducer('demo');
  document.setCreator('demo');
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([420, 300]);
  [title, ...lines].forEach((text, i) => page.drawText(text, { x: 30, y: 260 - i * 22, size: i === 0 ? 16 : 11, font }));
  return new Uint8Array(await document.save({ useObjectStreams: false }));
}

/**
 * Demo financial reports of Kathmandu Model Hospital (whose coordinator and finance officer are demo
 * accounts) and its partner: on its older round an approved report with a receipt, on its latest round a
 * submitted one awaiting the finance officer, and its partner's report on that round still a draft. Made
 * through the use-cases, as the partners would have, with figures derived from each line's budget.
 */
export async function seedDemoFinancialReports(tx: Database) {
  const [kathmandu] = await tx.select().from(organisations).where(like(organisations.legalName, 'Kathmandu Model%'));
  if (!kathmandu) return;
  const rounds = await tx
    .select({ stage: partnershipStages })
    .from(partnershipStages)
    .innerJoin(applicationPartners, eq(applicationPartners.applicationId, partnershipStages.applicationId))
    .where(and(eq(partnershipStages.kind, 'round'), eq(applicationPartners.organisationId, kathmandu.id)))
    .orderBy(asc(partnershipStages.startsOn), asc(partnershipStages.id));
  if (rounds.length === 0) return;
  const latest = rounds.at(-1)!.stage;
  const older = rounds.length > 1 ? rounds.at(-2)!.stage : null;
  // Days counted from the round's end, or from yesterday for a round still running: a report is never dated after the day the demo is made.
  const today = Date.now() - 86_400_000;
  const at = (stage: typeof latest, days: number) => new Date(Math.min(Date.parse(`${stage.endsOn}T10:00:00Z`), today) + days * 86_400_000);
  const ctx = (now: Date) => coreContext({ db: tx, actor: system('demo-financial-reports'), now: () => now });

  /** Starts a partner's report and fills every line in from its budget. */
  const fill = async (stage: typeof latest, organisationId: string, now: Date) => {
    const { id } = await startFinancialReport(ctx(now), { stageId: stage.id, organisationId });
    const report = await getFinancialReport(ctx(now), { reportId: id });
    let explained = 0;
    const lines: ReportLineInput[] = report.lines.map((line, i) => {
      const actualMinor = shareOf(line.budgetMinor, spentShares[i % spentShares.length]!);
      const explanation = needsExplanation(line.budgetMinor, actualMinor, report.thresholdBasisPoints) ? explanations[explained++ % explanations.length]! : '';
      return { id: line.id, actualMinor: Math.round(actualMinor / 100) * 100, explanation };
    });
    // A round budgeted without a unit-cost table: the partner reports its costs as lines of its own.
    if (lines.length === 0) lines.push({ label: 'Flights Kathmandu–Bergen and back', actualMinor: 18_400_00, explanation: 'The round was not budgeted line by line; the flights were booked through the agency’s travel agent.' }, { label: 'Monthly allowance paid to the hosted participant', actualMinor: 54_000_00, explanation: 'Six months at the host’s rate.' });
    const { version } = await saveFinancialReport(ctx(now), { reportId: id, version: report.version, lines });
    return { id, version };
  };

  if (older) {
    const approved = await fill(older, kathmandu.id, at(older, 20));
    await addFinancialReportReceipt(ctx(at(older, 21)), { reportId: approved.id, file: { name: 'flight-receipt.pdf', content: await receiptPdf('Receipt: flights', ['Kathmandu (KTM) - Bergen (BGO)', 'Two passengers, economy', 'NOK 18 400']) } });
    const { version } = await submitFinancialReport(ctx(at(older, 22)), { reportId: approved.id, version: approved.version });
    // Approved as the finance officer did, without the email of the decision (it went out long ago).
    await tx.update(financialReports).set({ status: 'approved', decidedAt: at(older, 35), decidedByLabel: 'finance@demo.example', version: version + 1, updatedAt: at(older, 35) }).where(eq(financialReports.id, approved.id));
  }
  const submitted = await fill(latest, kathmandu.id, at(latest, -10));
  await addFinancialReportReceipt(ctx(at(latest, -9)), { reportId: submitted.id, file: { name: 'insurance-invoice.pdf', content: await receiptPdf('Invoice: travel insurance', ['Kathmandu Model Hospital', 'Six person-months', 'NOK 3 600']) } });
  await submitFinancialReport(ctx(at(latest, -8)), { reportId: submitted.id, version: submitted.version });
  // The other partner's report on the latest round: started, still a draft.
  const partners = await tx.select({ organisationId: applicationPartners.organisationId }).from(applicationPartners).where(eq(applicationPartners.applicationId, latest.applicationId)).orderBy(asc(applicationPartners.position));
  const partner = partners.find((p) => p.organisationId !== kathmandu.id);
  if (partner) await startFinancialReport(ctx(at(latest, -12)), { stageId: latest.id, organisationId: partner.organisationId });
}
