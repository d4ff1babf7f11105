import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { assignAdviser } from '../../db/factories/programme-adviser-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { addIncidentNote } from './add-incident-note.ts';
import { changeIncidentStatus } from './change-incident-status.ts';
import { getIncident } from './get-incident.ts';
import { listIncidents } from './list-incidents.ts';
import { recordIncidentNotification } from './record-incident-notification.ts';
import { reportIncident } from './report-incident.ts';

const testDb = useTestDatabase();
const now = () => new Date('2026-06-15T10:00:00Z');
const as = (actor: Actor) => coreContext({ db: testDb.db, actor, now, publicUrl: 'https://exchange.example' });
const incident = { kind: 'health' as const, severity: 'medium' as const, description: 'Dengue fever, admitted to hospital.', occurredOn: '2026-06-14', place: 'Bergen' };

/** Kathmandu sends a nurse to Bergen (health programme); Lilongwe sends a teacher to Tromsø (youth programme). */
async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW' });
  const tromso = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const health = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const youth = await createPartnership(testDb.db, { partners: [tromso, lilongwe] });
  const nurse = await createParticipant(testDb.db, { partnershipId: health.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' });
  const teacher = await createParticipant(testDb.db, { partnershipId: youth.id, homeOrganisationId: lilongwe.id, hostOrganisationId: tromso.id, homeCountry: 'MW' });
  const sending = await createUser(testDb.db, { locale: 'en', memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const host = await createUser(testDb.db, { locale: 'nb', memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const unrelated = await createUser(testDb.db, { memberships: [{ organisationId: tromso.id, role: 'partner_coordinator' }] });
  const partnerFinance = await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] });
  const adviser = await createUser(testDb.db, { locale: 'fr', agencyRoles: ['programme_adviser'] });
  await assignAdviser(testDb.db, adviser.id, health.programmeId);
  const otherAdviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
  await assignAdviser(testDb.db, otherAdviser.id, youth.programmeId);
  const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
  const financeOfficer = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  const self = await createUser(testDb.db, { participantIds: [nurse.id] });
  const colleague = await createUser(testDb.db, { participantIds: [teacher.id] });
  return { nurse, teacher, sending, host, unrelated, partnerFinance, adviser, otherAdviser, admin, financeOfficer, self, colleague };
}

describe('incidents: who reports, who sees', () => {
  it('the sending coordinator reports; both coordinators, the adviser and administrators see it; a guessed id elsewhere is not found', async () => {
    const w = await world();
    const { id } = await reportIncident(as(w.sending.actor), { participantId: w.nurse.id, ...incident });
    for (const who of [w.sending, w.host, w.adviser, w.admin]) {
      const seen = await getIncident(as(who.actor), { incidentId: id });
      expect(seen.participant.id).toBe(w.nurse.id);
      expect(seen.canFollowUp).toBe(true);
      expect((await listIncidents(as(who.actor))).map((i) => i.id)).toContain(id);
    }
    // The coordinator of an unrelated partnership, the other programme's adviser, and the nurse's colleague guessing the id.
    for (const who of [w.unrelated, w.otherAdviser, w.colleague]) {
      await expect(getIncident(as(who.actor), { incidentId: id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addIncidentNote(as(who.actor), { incidentId: id, body: 'Looking into it' })).rejects.toBeInstanceOf(NotFoundError);
      expect((await listIncidents(as(who.actor))).map((i) => i.id)).not.toContain(id);
    }
    await expect(getIncident(as(w.unrelated.actor), { incidentId: 'not-a-uuid' })).rejects.toBeInstanceOf(NotFoundError);
    for (const who of [w.partnerFinance, w.financeOfficer]) await expect(listIncidents(as(who.actor))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listIncidents(as({ kind: 'visitor' }))).rejects.toBeInstanceOf(UnauthenticatedError);
    // The participant did not report this one: it is for the partners and the agency.
    await expect(getIncident(as(w.self.actor), { incidentId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a participant reports about themselves, sees their own report but does not follow it up; not about someone else', async () => {
    const w = await world();
    const { id } = await reportIncident(as(w.self.actor), { participantId: w.nurse.id, ...incident, kind: 'security' });
    const own = await getIncident(as(w.self.actor), { incidentId: id });
    expect(own.canFollowUp).toBe(false);
    await expect(addIncidentNote(as(w.self.actor), { incidentId: id, body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reportIncident(as(w.self.actor), { participantId: w.teacher.id, ...incident })).rejects.toBeInstanceOf(NotFoundError);
    // The host's coordinator sees it too.
    expect((await getIncident(as(w.host.actor), { incidentId: id })).reportedByLabel).toBe(w.self.email);
  });

  it('only the participant and their coordinators report; an adviser who sees the participant is refused', async () => {
    const w = await world();
    await expect(reportIncident(as(w.adviser.actor), { participantId: w.nurse.id, ...incident })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reportIncident(as(w.unrelated.actor), { participantId: w.nurse.id, ...incident })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reportIncident(as(w.sending.actor), { participantId: w.nurse.id, ...incident, occurredOn: '2026-07-01' })).rejects.toMatchObject({ code: 'dateInFuture', field: 'occurredOn' });
  });

  it('a critical incident is emailed to both coordinators and the adviser, each in their own language; a medium one is not', async () => {
    const w = await world();
    const before = (await testDb.db.select().from(emailOutbox)).length;
    await reportIncident(as(w.sending.actor), { participantId: w.nurse.id, ...incident });
    expect((await testDb.db.select().from(emailOutbox)).length).toBe(before);
    const { id } = await reportIncident(as(w.sending.actor), { participantId: w.nurse.id, ...incident, severity: 'critical' });
    const mails = await testDb.db.select().from(emailOutbox);
    const to = (email: string) => mails.find((m) => m.toAddress === email);
    expect(to(w.sending.email)?.locale).toBe('en');
    expect(to(w.host.email)?.locale).toBe('nb');
    expect(to(w.adviser.email)?.locale).toBe('fr');
    expect(to(w.adviser.email)?.textBody).toContain(`/fr/incidents/${id}`);
    expect(to(w.unrelated.email)).toBeUndefined();
    expect(to(w.otherAdviser.email)).toBeUndefined();
  });

  it('follow-up: notes, status with versions, who was told, all audited', async () => {
    const w = await world();
    const { id } = await reportIncident(as(w.sending.actor), { participantId: w.nurse.id, ...incident });
    await addIncidentNote(as(w.host.actor), { incidentId: id, body: 'Visited her at the hospital.' });
    const loaded = await getIncident(as(w.adviser.actor), { incidentId: id });
    await changeIncidentStatus(as(w.adviser.actor), { incidentId: id, status: 'following_up', note: 'Insurance contacted', version: loaded.version });
    // A second change from the same (now stale) version is refused, and changes nothing.
    await expect(changeIncidentStatus(as(w.host.actor), { incidentId: id, status: 'closed', note: '', version: loaded.version })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    await recordIncidentNotification(as(w.sending.actor), { incidentId: id, party: 'family', detail: 'Her mother, by phone', toldOn: '2026-06-14' });
    await expect(recordIncidentNotification(as(w.sending.actor), { incidentId: id, party: 'embassy', detail: '', toldOn: '2026-06-20' })).rejects.toBeInstanceOf(DomainError);
    const after = await getIncident(as(w.admin.actor), { incidentId: id });
    expect(after.status).toBe('following_up');
    expect(after.notes.map((n) => n.body)).toEqual(['Visited her at the hospital.', 'Insurance contacted']);
    expect(after.notifications).toMatchObject([{ party: 'family', toldOn: '2026-06-14' }]);
    const actions = (await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id))).map((a) => a.action).sort();
    expect(actions).toEqual(['incident.note-added', 'incident.notification-recorded', 'incident.reported', 'incident.status-changed']);
    expect((await listIncidents(as(w.admin.actor), { status: 'closed' })).map((i) => i.id)).not.toContain(id);
    expect((await listIncidents(as(w.admin.actor), { status: 'following_up' })).map((i) => i.id)).toContain(id);
  });
});
