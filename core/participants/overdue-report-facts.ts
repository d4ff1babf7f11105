import { and, asc, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participantReports, participants, type ReportKind, type ReportStatus } from '../../db/schema/participants.ts';
import { overdueReports } from './report-due-dates.ts';

/** Participants who went: only they owe reports. */
export const REPORTING_STATUSES = ['in_placement', 'returned', 'completed', 'alumni', 'ended_early'] as const;

export interface OverdueReport {
  participantId: string;
  participantName: string;
  homeOrganisationId: string;
  homeOrganisation: string;
  hostOrganisationId: string;
  hostOrganisation: string;
  kind: ReportKind;
  dueOn: string;
  /** null: never started; else draft or returned. */
  status: ReportStatus | null;
}

/** Every overdue report on `today` of the participants `where` selects, oldest due first. */
export async function findOverdueReports(db: Database, where: SQL | undefined, today: string): Promise<OverdueReport[]> {
  const rows = await db
    .select()
    .from(participants)
    .where(and(where, inArray(participants.status, [...REPORTING_STATUSES]), isNotNull(participants.actualStartsOn)))
    .orderBy(asc(participants.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const reports = await db.select({ participantId: participantReports.participantId, kind: participantReports.kind, status: participantReports.status }).from(participantReports).where(inArray(participantReports.participantId, ids));
  const orgIds = [...new Set(rows.flatMap((r) => [r.homeOrganisationId, r.hostOrganisationId]))];
  const names = new Map((await db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o.name]));
  const statuses = new Map<string, Partial<Record<ReportKind, ReportStatus>>>();
  for (const r of reports) statuses.set(r.participantId, { ...statuses.get(r.participantId), [r.kind]: r.status });
  return rows
    .flatMap((p) =>
      overdueReports(p, statuses.get(p.id) ?? {}, today).map((o) => ({
        participantId: p.id,
        participantName: `${p.givenName} ${p.familyName}`,
        homeOrganisationId: p.homeOrganisationId,
        homeOrganisation: names.get(p.homeOrganisationId) ?? '',
        hostOrganisationId: p.hostOrganisationId,
        hostOrganisation: names.get(p.hostOrganisationId) ?? '',
        ...o,
      })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.participantName.localeCompare(b.participantName) || a.kind.localeCompare(b.kind));
}
