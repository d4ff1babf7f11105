import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCourse, enrolInCourse } from '../../db/factories/participant-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { storedFiles } from '../../db/schema/files.ts';
import { participantConsents } from '../../db/schema/participant-self.ts';
import { participantDocuments } from '../../db/schema/participants.ts';
import { nominate, participantWorld, type ParticipantWorld } from '../../tests/support/participant-world.ts';
import { samplePdf } from '../../tests/support/sample-pdf.ts';
import { samplePng } from '../../tests/support/sample-images.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { anonymiseUser } from '../identity/anonymise-user.ts';
import { exportOwnData } from '../identity/export-own-data.ts';
import { FieldProblemsError, type DomainError } from '../errors.ts';
import { acceptNomination } from './accept-nomination.ts';
import { getParticipant } from './get-participant.ts';
import { getParticipantDocumentFile } from './get-participant-document-file.ts';
import { getParticipantExchange } from './get-participant-exchange.ts';
import { giveConsent } from './give-consent.ts';
import { listParticipantDocuments } from './list-participant-documents.ts';
import { moveParticipant } from './move-participant.ts';
import { CONSENT_VERSION, ownParticipantId } from './participant-self.ts';
import { removeEmergencyContact } from './remove-emergency-contact.ts';
import { reviewParticipantDocument } from './review-participant-document.ts';
import { saveEmergencyContact } from './save-emergency-contact.ts';
import { updateParticipantProfile } from './update-participant-profile.ts';
import { uploadParticipantDocument } from './upload-participant-document.ts';
import { withdrawConsent } from './withdraw-consent.ts';

const testDb = useTestDatabase();
const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: DomainError) => e.code);

/** The world's nurse, nominated, accepted by the host, with her own account. */
async function nurseWithAccount(w: ParticipantWorld) {
  const { participantId, version } = await nominate(w);
  await acceptNomination(w.as(w.host), { participantId, version });
  const person = await createUser(testDb.db, { name: 'Sita Shrestha', participantIds: [participantId] });
  return { participantId, person };
}

const contact = { name: 'Gita Shrestha', relation: 'Mother', phone: '+977 1 555 0101', email: '' };

describe('the participant’s own details', () => {
  it('are changed by the person only: coordinators read them, an unrelated coordinator finds nothing', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, person } = await nurseWithAccount(w);
    expect(await ownParticipantId(w.as(person))).toBe(participantId);

    const first = await getParticipantExchange(w.as(person), { participantId });
    expect(first.profile.version).toBe('');
    expect(first.nextSteps.map((s) => s.step)).toEqual(['consent', 'profile', 'emergencyContact', 'upload', 'upload']);
    const input = { phone: '+977 98 0000 0000', homeAddress: 'Lalitpur', addressAbroad: '', languages: 'Nepali, English', notes: '' };
    const { version } = await updateParticipantProfile(w.as(person), { participantId, ...input, version: '' });
    // A second tab that loaded the page before the save is stale, and changes nothing.
    expect(await code(updateParticipantProfile(w.as(person), { participantId, ...input, phone: '1', version: '' }))).toBe('staleEdit');
    await updateParticipantProfile(w.as(person), { participantId, ...input, addressAbroad: 'Bergen', version });

    expect(await code(updateParticipantProfile(w.as(w.sender), { participantId, ...input, version }))).toBe('forbidden');
    expect(await code(updateParticipantProfile(w.as(w.stranger), { participantId, ...input, version }))).toBe('notFound');
    expect((await getParticipantExchange(w.as(w.host), { participantId })).profile).toMatchObject({ phone: '+977 98 0000 0000', addressAbroad: 'Bergen' });
    expect(await code(getParticipantExchange(w.as(w.stranger), { participantId }))).toBe('notFound');
    expect(await code(getParticipantExchange(w.as(w.otherAdviser), { participantId }))).toBe('notFound');

    // The phone number is in the audit trail only as "changed".
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, participantId));
    expect(audit.find((a) => a.action === 'participant.profile-saved')?.after).toMatchObject({ phone: '***' });
  });

  it('keeps up to five emergency contacts, changed with their version and removed', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, person } = await nurseWithAccount(w);
    const added = await saveEmergencyContact(w.as(person), { participantId, ...contact });
    const changed = await saveEmergencyContact(w.as(person), { participantId, contactId: added.id, version: added.version, ...contact, relation: 'Mother (speaks English)' });
    expect(await code(saveEmergencyContact(w.as(person), { participantId, contactId: added.id, version: added.version, ...contact }))).toBe('staleEdit');
    expect(changed.id).toBe(added.id);
    for (let n = 0; n < 4; n++) await saveEmergencyContact(w.as(person), { participantId, ...contact, name: `Friend ${n}` });
    expect(await code(saveEmergencyContact(w.as(person), { participantId, ...contact }))).toBe('tooManyEmergencyContacts');
    expect(await code(saveEmergencyContact(w.as(w.sender), { participantId, ...contact }))).toBe('forbidden');

    await removeEmergencyContact(w.as(person), { participantId, contactId: added.id });
    expect(await code(removeEmergencyContact(w.as(person), { participantId, contactId: added.id }))).toBe('notFound');
    const read = await getParticipantExchange(w.as(w.sender), { participantId });
    expect(read.contacts.map((c) => c.name)).toEqual(['Friend 0', 'Friend 1', 'Friend 2', 'Friend 3']);
  });

  it('records consent with the text version, once, and its withdrawal', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, person } = await nurseWithAccount(w);
    expect(await code(giveConsent(w.as(person), { participantId, textVersion: 'consent.v0', locale: 'nb' }))).toBe('consentTextChanged');
    await giveConsent(w.as(person), { participantId, textVersion: CONSENT_VERSION, locale: 'nb' });
    await giveConsent(w.as(person), { participantId, textVersion: CONSENT_VERSION, locale: 'nb' });
    expect((await getParticipantExchange(w.as(person), { participantId })).consent).toMatchObject({ upToDate: true, given: { textVersion: CONSENT_VERSION, locale: 'nb', consentedAt: new Date('2026-01-15T09:00:00Z') } });
    await withdrawConsent(w.as(person), { participantId });
    expect((await getParticipantExchange(w.as(person), { participantId })).consent).toMatchObject({ upToDate: false, given: null });
    const rows = await testDb.db.select().from(participantConsents).where(eq(participantConsents.participantId, participantId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.withdrawnAt).not.toBeNull();
    expect(await code(giveConsent(w.as(w.adviser), { participantId, textVersion: CONSENT_VERSION, locale: 'en' }))).toBe('forbidden');
  });

  it('go with the person’s data export, and are removed when the person is anonymised', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, person } = await nurseWithAccount(w);
    await updateParticipantProfile(w.as(person), { participantId, phone: '+977 1', homeAddress: 'Patan', addressAbroad: '', languages: '', notes: '', version: '' });
    await saveEmergencyContact(w.as(person), { participantId, ...contact });
    await giveConsent(w.as(person), { participantId, textVersion: CONSENT_VERSION, locale: 'en' });
    const exported = await exportOwnData(w.as(person));
    expect(exported).toMatchObject({ participantProfiles: [{ phone: '+977 1' }], emergencyContacts: [{ name: 'Gita Shrestha' }], consents: [{ textVersion: CONSENT_VERSION }] });

    await anonymiseUser(w.as(w.admin), { userId: person.id });
    const read = await getParticipantExchange(w.as(w.admin), { participantId });
    expect(read.profile).toMatchObject({ phone: '', homeAddress: '', version: '' });
    expect(read.contacts).toEqual([]);
  });
});

describe('the participant’s documents', () => {
  it('are uploaded by the person, read by the parties, reviewed by the sender or the agency, and then let the placement begin', async () => {
    const w = await participantWorld(testDb.db);
    const { participantId, person } = await nurseWithAccount(w);
    const pdf = await samplePdf({ title: 'Contract' });

    expect(await code(uploadParticipantDocument(w.as(person), { participantId, kind: 'Passport', file: { name: 'p.pdf', content: pdf } }))).toBe('notFound');
    expect(await code(uploadParticipantDocument(w.as(w.sender), { participantId, kind: 'Insurance', file: { name: 'p.pdf', content: pdf } }))).toBe('forbidden');
    expect(await code(uploadParticipantDocument(w.as(person), { participantId, kind: 'Insurance', file: { name: 'insurance.pdf', content: samplePng() } }))).toBe('fileContentMismatch');

    const contract = await uploadParticipantDocument(w.as(person), { participantId, kind: 'Signed contract', file: { name: 'contract.pdf', content: pdf } });
    const insurance = await uploadParticipantDocument(w.as(person), { participantId, kind: 'Insurance', file: { name: 'forsikring.png', content: samplePng() } });

    // Read by the person, both coordinators, the adviser and an administrator; not by an unrelated coordinator or another programme's adviser.
    for (const reader of [person, w.sender, w.host, w.adviser, w.admin]) {
      const file = await getParticipantDocumentFile(w.as(reader), { participantId, documentId: insurance.id });
      expect(file).toMatchObject({ contentType: 'image/png', fileName: 'forsikring.png', kind: 'Insurance' });
      expect(Buffer.from(file.content).equals(Buffer.from(samplePng()))).toBe(true);
    }
    for (const outsider of [w.stranger, w.otherAdviser]) {
      expect(await code(getParticipantDocumentFile(w.as(outsider), { participantId, documentId: insurance.id }))).toBe('notFound');
      expect(await code(listParticipantDocuments(w.as(outsider), { participantId }))).toBe('notFound');
      expect(await code(reviewParticipantDocument(w.as(outsider), { participantId, documentId: insurance.id, version: insurance.version, decision: 'accept', remark: '' }))).toBe('notFound');
    }

    const list = await listParticipantDocuments(w.as(w.host), { participantId });
    expect(list).toMatchObject({ canReview: false, canUpload: false });
    expect(list.items.map((i) => [i.kind, i.status])).toEqual([['Signed contract', 'submitted'], ['Insurance', 'submitted']]);
    expect(await code(reviewParticipantDocument(w.as(w.host), { participantId, documentId: insurance.id, version: insurance.version, decision: 'accept', remark: '' }))).toBe('forbidden');

    // Returned with a remark; the new upload replaces the file, goes back to submitted, and the old file is gone.
    await reviewParticipantDocument(w.as(w.sender), { participantId, documentId: insurance.id, version: insurance.version, decision: 'return', remark: 'The policy number is not readable.' });
    expect(await code(reviewParticipantDocument(w.as(w.adviser), { participantId, documentId: insurance.id, version: insurance.version, decision: 'accept', remark: '' }))).toBe('staleEdit');
    const [returned] = await testDb.db.select().from(participantDocuments).where(eq(participantDocuments.id, insurance.id));
    // The person is told, in their language (the invitation's, bokmål, until their account says otherwise: here English).
    const [mail] = await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'participantDocumentReturned'));
    expect(mail?.textBody).toContain('The policy number is not readable.');
    expect(mail?.textBody).toContain('/exchange/documents/insurance');
    expect(returned).toMatchObject({ status: 'returned', reviewNote: 'The policy number is not readable.' });
    expect((await getParticipantExchange(w.as(person), { participantId })).nextSteps).toContainEqual({ step: 'replace', kind: 'Insurance', slug: 'insurance' });
    const again = await uploadParticipantDocument(w.as(person), { participantId, kind: 'Insurance', file: { name: 'insurance.pdf', content: pdf } });
    expect(again.id).toBe(insurance.id);
    const [replaced] = await testDb.db.select().from(participantDocuments).where(eq(participantDocuments.id, insurance.id));
    expect(replaced).toMatchObject({ status: 'submitted', reviewNote: null, contentType: 'application/pdf', fileName: 'insurance.pdf' });
    expect(await testDb.db.select().from(storedFiles).where(eq(storedFiles.key, returned!.fileRef))).toHaveLength(0);

    // Accepted by the agency and the sender; an accepted document is not replaced.
    await reviewParticipantDocument(w.as(w.adviser), { participantId, documentId: insurance.id, version: again.version, decision: 'accept', remark: '' });
    await reviewParticipantDocument(w.as(w.sender), { participantId, documentId: contract.id, version: contract.version, decision: 'accept', remark: '' });
    expect(await code(uploadParticipantDocument(w.as(person), { participantId, kind: 'Insurance', file: { name: 'i.pdf', content: pdf } }))).toBe('documentAlreadyAccepted');
    const fresh = (await listParticipantDocuments(w.as(w.sender), { participantId })).items.find((i) => i.kind === 'Insurance')!;
    expect(await code(reviewParticipantDocument(w.as(w.sender), { participantId, documentId: insurance.id, version: fresh.document!.version, decision: 'return', remark: 'x' }))).toBe('documentNotAwaitingReview');
    expect((await getParticipantExchange(w.as(person), { participantId })).nextSteps).toContainEqual({ step: 'documentsDone' });

    // The lifecycle's guard reads the same statuses: into placement needs no more documents.
    const course = await createCourse(testDb.db, { kind: 'preparatory', organisationId: w.kathmandu.id, sessions: 1 });
    await enrolInCourse(testDb.db, course, participantId);
    const march = () => new Date('2026-03-05T10:00:00Z');
    for (const to of ['approved', 'preparing'] as const) {
      const { version } = await getParticipant(w.as(w.admin), { participantId });
      await moveParticipant(w.as(w.adviser, march), { participantId, version, to });
    }
    const { version } = await getParticipant(w.as(w.admin), { participantId });
    const moved = await moveParticipant(w.as(w.host, march), { participantId, version, to: 'in_placement', on: '2026-03-03' }).catch((e: unknown) => e);
    expect(moved).not.toBeInstanceOf(FieldProblemsError);
    expect((await getParticipant(w.as(person), { participantId })).status).toBe('in_placement');
  });
});
