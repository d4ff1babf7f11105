import { z } from 'zod';
import { text } from '../input/text.ts';

export const planFlowInput = z.object({
  round: z.coerce.number().int('chooseRound').min(1, 'chooseRound').max(5, 'chooseRound'),
  sendingOrganisationId: z.uuid('choosePartner'),
  hostOrganisationId: z.uuid('choosePartner'),
  participants: z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber').min(1, 'atLeastOneParticipant').max(50, 'tooManyParticipants'),
  months: z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber'),
  startMonth: text().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'chooseMonth'),
  competence: text().trim().min(3, 'competenceRequired').max(300, 'tooLong'),
  purpose: text().trim().min(3, 'purposeRequired').max(1000, 'tooLong'),
});

export type PlanFlowInput = z.infer<typeof planFlowInput>;
