import { eq, inArray } from 'drizzle-orm';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { parseLedgerAccount, type LedgerAccountKind } from './ledger-accounts.ts';

/** An account as people know it: its kind, the name of what it is for (an application's title for a reservation), and the record it links to. */
export interface LedgerAccountDescription {
  account: string;
  kind: LedgerAccountKind;
  /** The programme’s, call’s, partnership’s or organisation’s name; the year for a year; empty for `parliament` (pages name it). */
  label: string;
  year?: number;
  /** A stage's round number (null for a study or an agreement), and for a partner the partnership. */
  roundNumber?: number | null;
  partnership?: { id: string; title: string };
  recordId?: string;
}

/** Names for many accounts at once: one query per kind of record, whatever the number of accounts. */
export async function describeLedgerAccounts(ctx: CoreContext, accounts: Iterable<string>): Promise<Map<string, LedgerAccountDescription>> {
  const parsed = [...new Set(accounts)].map((account) => ({ account, p: parseLedgerAccount(account) })).filter((a) => a.p);
  const ids = (kind: LedgerAccountKind) => [...new Set(parsed.filter((a) => a.p!.kind === kind).map((a) => a.p!.id!))];
  const stageIds = [...new Set(parsed.filter((a) => a.p!.kind === 'stage' || a.p!.kind === 'partner').map((a) => a.account.slice(a.account.lastIndexOf(':') + 1)))];
  const [programmeRows, callRows, stageRows, orgRows, applicationRows] = await Promise.all([
    ids('programme').length ? ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(inArray(programmes.id, ids('programme'))) : [],
    ids('call').length ? ctx.db.select({ id: calls.id, title: calls.title }).from(calls).where(inArray(calls.id, ids('call'))) : [],
    stageIds.length
      ? ctx.db
          .select({ id: partnershipStages.id, roundNumber: partnershipStages.roundNumber, partnershipId: partnerships.id, title: partnerships.title })
          .from(partnershipStages)
          .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
          .where(inArray(partnershipStages.id, stageIds))
      : [],
    ids('partner').length ? ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, ids('partner'))) : [],
    ids('reservation').length ? ctx.db.select({ id: applications.id, title: applications.title }).from(applications).where(inArray(applications.id, ids('reservation'))) : [],
  ]);
  const programme = new Map(programmeRows.map((r) => [r.id, r.name]));
  const call = new Map(callRows.map((r) => [r.id, r.title]));
  const stage = new Map(stageRows.map((r) => [r.id, r]));
  const org = new Map(orgRows.map((r) => [r.id, r.name]));
  const application = new Map(applicationRows.map((r) => [r.id, r.title]));
  const described = new Map<string, LedgerAccountDescription>();
  for (const { account, p } of parsed) {
    const { kind, id, year } = p!;
    const stageId = account.slice(account.lastIndexOf(':') + 1);
    const s = stage.get(stageId);
    const partnership = s ? { id: s.partnershipId, title: s.title } : undefined;
    if (kind === 'parliament') described.set(account, { account, kind, label: '' });
    else if (kind === 'year') described.set(account, { account, kind, label: String(year), year });
    else if (kind === 'programme') described.set(account, { account, kind, label: programme.get(id!) ?? id!, year, recordId: id });
    else if (kind === 'call') described.set(account, { account, kind, label: call.get(id!) ?? id!, recordId: id });
    else if (kind === 'reservation') described.set(account, { account, kind, label: application.get(id!) ?? id!, recordId: id });
    else if (kind === 'stage') described.set(account, { account, kind, label: s?.title ?? stageId, roundNumber: s?.roundNumber ?? null, partnership, recordId: stageId });
    else described.set(account, { account, kind, label: org.get(id!) ?? id!, roundNumber: s?.roundNumber ?? null, partnership, recordId: id });
  }
  return described;
}
