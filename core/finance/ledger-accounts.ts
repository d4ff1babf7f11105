/**
 * The ledger's account names, built in one place. Money enters from `parliament` into a year, is
 * allocated to a programme for that year, then to a call, reserved for an application while it is
 * reviewed, committed to a granted stage of a partnership, and paid out to the partner organisations of
 * that stage.
 */
export const ledgerAccount = {
  parliament: 'parliament',
  year: (year: number) => `year:${year}`,
  programme: (programmeId: string, year: number) => `programme:${programmeId}:${year}`,
  call: (callId: string) => `call:${callId}`,
  /** Money of a call set aside for an application while the agency reviews it. */
  reservation: (applicationId: string) => `reservation:${applicationId}`,
  stage: (stageId: string) => `stage:${stageId}`,
  partner: (organisationId: string, stageId: string) => `partner:${organisationId}:stage:${stageId}`,
} as const;

export type LedgerAccountKind = 'parliament' | 'year' | 'programme' | 'call' | 'reservation' | 'stage' | 'partner';

/** What an account name is about, or null for a name that is not an account. */
export function parseLedgerAccount(name: string): { kind: LedgerAccountKind; id?: string; year?: number } | null {
  if (name === 'parliament') return { kind: 'parliament' };
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  let m = /^year:(\d{4})$/.exec(name);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = new RegExp(`^programme:(${uuid}):(\\d{4})$`).exec(name);
  if (m) return { kind: 'programme', id: m[1], year: Number(m[2]) };
  m = new RegExp(`^(call|reservation|stage):(${uuid})$`).exec(name);
  if (m) return { kind: m[1] as 'call' | 'reservation' | 'stage', id: m[2] };
  m = new RegExp(`^partner:(${uuid}):stage:${uuid}$`).exec(name);
  if (m) return { kind: 'partner', id: m[1] };
  return null;
}
