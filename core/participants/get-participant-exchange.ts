import { asc, eq } from 'drizzle-orm';
import { emergencyContacts, participantProfiles } from '../../db/schema/participant-self.ts';
import type { CoreContext } from '../context.ts';
import { documentChecklist, type ChecklistItem } from './participant-documents.ts';
import { CONSENT_VERSION, consentInForce } from './participant-self.ts';
import { visibleParticipant } from './participant-visible.ts';

/** What the person should do next, in the order they meet it on their page. */
export type NextStep =
  | { step: 'consent' }
  | { step: 'profile' }
  | { step: 'emergencyContact' }
  | { step: 'upload'; kind: string; slug: string }
  | { step: 'replace'; kind: string; slug: string }
  | { step: 'awaitReview'; count: number }
  | { step: 'documentsDone' };

export interface ParticipantExchange {
  participant: { id: string; givenName: string; familyName: string; status: string; startsOn: string; endsOn: string; profession: string; programme: string; homeOrganisation: string; hostOrganisation: string };
  profile: { phone: string; homeAddress: string; addressAbroad: string; languages: string; notes: string; version: string };
  contacts: { id: string; name: string; relation: string; phone: string; email: string; version: string }[];
  consent: { current: typeof CONSENT_VERSION; given: { textVersion: string; consentedAt: Date; locale: string } | null; upToDate: boolean };
  documents: ChecklistItem[];
  nextSteps: NextStep[];
  /** The actor is the participant, the only one who changes any of this. */
  isSelf: boolean;
}

/**
 * A participant's own exchange: profile, emergency contacts, consent, the documents checklist and what
 * to do next. Read by the person and by whoever may see the participant (coordinators need the
 * emergency contacts); only the person changes it. `profile.version` is '' until the first save.
 */
export async function getParticipantExchange(ctx: CoreContext, { participantId }: { participantId: string }): Promise<ParticipantExchange> {
  const p = await visibleParticipant(ctx, participantId);
  const id = p.row.id;
  const [[profile], contacts, consent, documents] = await Promise.all([
    ctx.db.select().from(participantProfiles).where(eq(participantProfiles.participantId, id)),
    ctx.db.select().from(emergencyContacts).where(eq(emergencyContacts.participantId, id)).orderBy(asc(emergencyContacts.createdAt), asc(emergencyContacts.id)),
    consentInForce(ctx.db, id),
    documentChecklist(ctx.db, id, p.programme.id),
  ]);
  const upToDate = consent?.textVersion === CONSENT_VERSION;
  const nextSteps: NextStep[] = [];
  if (!upToDate) nextSteps.push({ step: 'consent' });
  if (!profile?.phone) nextSteps.push({ step: 'profile' });
  if (contacts.length === 0) nextSteps.push({ step: 'emergencyContact' });
  for (const item of documents.filter((d) => d.onChecklist)) {
    if (item.status === 'missing') nextSteps.push({ step: 'upload', kind: item.kind, slug: item.slug });
    if (item.status === 'returned') nextSteps.push({ step: 'replace', kind: item.kind, slug: item.slug });
  }
  const waiting = documents.filter((d) => d.onChecklist && d.status === 'submitted').length;
  if (waiting > 0) nextSteps.push({ step: 'awaitReview', count: waiting });
  if (documents.some((d) => d.onChecklist) && documents.filter((d) => d.onChecklist).every((d) => d.status === 'accepted')) nextSteps.push({ step: 'documentsDone' });
  return {
    participant: {
      id,
      givenName: p.row.givenName,
      familyName: p.row.familyName,
      status: p.row.status,
      startsOn: p.row.startsOn,
      endsOn: p.row.endsOn,
      profession: p.row.profession,
      programme: p.programme.name,
      homeOrganisation: p.homeOrganisation,
      hostOrganisation: p.hostOrganisation,
    },
    profile: {
      phone: profile?.phone ?? '',
      homeAddress: profile?.homeAddress ?? '',
      addressAbroad: profile?.addressAbroad ?? '',
      languages: profile?.languages ?? '',
      notes: profile?.notes ?? '',
      version: profile ? profile.updatedAt.toISOString() : '',
    },
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, relation: c.relation, phone: c.phone, email: c.email, version: c.updatedAt.toISOString() })),
    consent: { current: CONSENT_VERSION, given: consent ? { textVersion: consent.textVersion, consentedAt: consent.consentedAt, locale: consent.locale } : null, upToDate },
    documents,
    nextSteps,
    isSelf: p.isSelf,
  };
}
