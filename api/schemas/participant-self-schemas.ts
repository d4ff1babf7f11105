import { z } from '@hono/zod-openapi';
import { emergencyContactInput } from '../../core/participants/save-emergency-contact.ts';
import { profileInput } from '../../core/participants/update-participant-profile.ts';
import { documentReviewInput } from '../../core/participants/review-participant-document.ts';
import { describeFields } from '../described-fields.ts';

const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });

export const ParticipantIdParams = z.object({ id: uuidParam('id') });
export const ContactParams = z.object({ id: uuidParam('id'), contactId: uuidParam('contactId') });
export const DocumentParams = z.object({ id: uuidParam('id'), documentId: uuidParam('documentId') });

const version = z.string().openapi({ description: 'The version this change is based on (the ETag or `version` you read).', example: '2026-11-22T10:00:00.000Z' });

export const ProfileSchema = z
  .object({
    phone: z.string(),
    homeAddress: z.string(),
    addressAbroad: z.string(),
    languages: z.string(),
    notes: z.string(),
    version: z.string().openapi({ description: 'The profile’s version; empty for a profile never saved.' }),
  })
  .openapi('ParticipantProfile');

export const ProfileUpdateSchema = describeFields(profileInput, {
  phone: 'With the country code; at most 40 characters.',
  homeAddress: 'At most 500 characters.',
  addressAbroad: 'Where the person lives during the exchange; at most 500 characters.',
  languages: 'As the person writes them; at most 200 characters.',
  notes: 'What the hosts should know (diet, access needs); at most 2,000 characters.',
})
  .extend({ version: version.optional() })
  .openapi('ParticipantProfileUpdate');

export const EmergencyContactSchema = z
  .object({ id: z.string().openapi({ format: 'uuid' }), name: z.string(), relation: z.string(), phone: z.string(), email: z.string(), version: z.string() })
  .openapi('EmergencyContact');

export const EmergencyContactListSchema = z.object({ items: z.array(EmergencyContactSchema) }).openapi('EmergencyContactList');

export const EmergencyContactInputSchema = describeFields(emergencyContactInput, {
  name: 'At most 200 characters.',
  relation: 'How the contact is related to the person (mother, partner, friend); at most 100 characters.',
  phone: 'With the country code; at most 40 characters.',
  email: 'An email address, or empty.',
}).openapi('EmergencyContactInput');

export const EmergencyContactUpdateSchema = EmergencyContactInputSchema.extend({ version: version.optional() }).openapi('EmergencyContactUpdate');

export const ConsentSchema = z
  .object({
    current: z.string().openapi({ description: 'The version of the consent text in force today (its words are on the participant’s page).', example: 'consent.v1' }),
    given: z.object({ textVersion: z.string(), consentedAt: z.string().openapi({ format: 'date-time' }), locale: z.string() }).nullable(),
    upToDate: z.boolean().openapi({ description: 'Consent is given to the current text.' }),
  })
  .openapi('ParticipantConsent');

export const ConsentInputSchema = z
  .object({
    textVersion: z.string().max(100).openapi({ description: 'The version of the text the person read; must be `current`.', example: 'consent.v1' }),
    locale: z.enum(['en', 'nb', 'nn', 'fr', 'es']).optional().openapi({ description: 'The language the text was read in; else the request’s language.' }),
  })
  .openapi('ParticipantConsentInput');

export const DocumentItemSchema = z
  .object({
    kind: z.string().openapi({ description: 'The line of the programme’s documents checklist.', example: 'Insurance' }),
    slug: z.string().openapi({ description: 'The line as part of a page address (/{lang}/exchange/documents/{slug}).', example: 'insurance' }),
    status: z.enum(['missing', 'submitted', 'accepted', 'returned']),
    onChecklist: z.boolean(),
    document: z
      .object({
        id: z.string().openapi({ format: 'uuid' }),
        fileName: z.string(),
        contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']).or(z.string()),
        sizeBytes: z.number().int(),
        reviewNote: z.string().nullable(),
        reviewedAt: z.string().openapi({ format: 'date-time' }).nullable(),
        uploadedAt: z.string().openapi({ format: 'date-time' }),
        version: z.string(),
      })
      .nullable(),
  })
  .openapi('ParticipantDocumentItem');

export const DocumentListSchema = z
  .object({
    items: z.array(DocumentItemSchema),
    canReview: z.boolean().openapi({ description: 'You may accept or return documents (the sending partner’s coordinators, the agency).' }),
    canUpload: z.boolean().openapi({ description: 'You are the participant, who uploads.' }),
  })
  .openapi('ParticipantDocumentList');

export const DocumentUploadSchema = z
  .object({
    kind: z.string().min(1, 'required').max(200, 'tooLong').openapi({ description: 'The checklist line this file is for, exactly as listed.', example: 'Insurance' }),
    file: z.custom<File>((value) => value instanceof File, { message: 'chooseDocumentFile' }).openapi({ type: 'string', format: 'binary', description: 'A PDF, JPEG or PNG file of at most 5 MB, checked by its content.' }),
  })
  .openapi('ParticipantDocumentUpload');

export const DocumentReviewSchema = describeFields(documentReviewInput.safeExtend({ version: version.optional() }), {
  decision: '`accept`, or `return` with a remark.',
  remark: 'What the participant should fix; required when returning. At most 2,000 characters.',
}).openapi('ParticipantDocumentReview');

export const DocumentReviewedSchema = z.object({ status: z.enum(['accepted', 'returned']), version: z.string() }).openapi('ParticipantDocumentReviewed');
