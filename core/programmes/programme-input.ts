import { z } from 'zod';
import { text } from '../input/text.ts';
import type { PartnershipShape } from '../partnerships/derive-shape.ts';

/** Participants' ages a programme may allow at all; each programme narrows this down. */
export const AGE_LIMITS = { min: 16, max: 70 } as const;
/** Stay lengths a programme may allow, in months; forms offer the typical ones (and any already chosen). */
export const STAY_MONTHS_LIMITS = { min: 1, max: 24 } as const;
export const TYPICAL_STAY_MONTHS = [3, 6, 9, 12, 18, 24] as const;
export const SHAPES = ['north_south', 'south_south', 'triangular'] as const satisfies readonly PartnershipShape[];

const age = z.coerce
  .number({ error: 'ageOutOfRange' })
  .int('ageOutOfRange')
  .min(AGE_LIMITS.min, 'ageOutOfRange')
  .max(AGE_LIMITS.max, 'ageOutOfRange');

const months = z.coerce
  .number({ error: 'chooseStayMonths' })
  .int('chooseStayMonths')
  .min(STAY_MONTHS_LIMITS.min, 'chooseStayMonths')
  .max(STAY_MONTHS_LIMITS.max, 'chooseStayMonths');

/** A textarea with one entry per line (or a list, from the API): trimmed, blank lines dropped, no duplicates. */
export const linesInput = (maxLine: number, maxLines: number) =>
  z
    .union([text(), z.array(text())])
    .optional()
    .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? '').split(/\r?\n/)).map((line) => line.trim()).filter(Boolean))])
    .pipe(z.array(text().max(maxLine, 'lineTooLong')).max(maxLines, 'tooManyLines'));

/** A list from checkboxes: one value when one box is ticked, none when none is. */
const checked = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/**
 * How a granted stage is paid, as typed: whole percents above zero separated by commas ("80, 20") or a
 * list of them (API), adding up to 100; kept in basis points ([8000, 2000]). Empty keeps what is stored.
 */
export const trancheSharesInput = z
  .union([text(), z.array(z.number())])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const parts = typeof v === 'string' ? v.split(/[,;]/).map((p) => p.trim().replace(/\s*%$/, '')) : v.map(String);
    if (parts.length === 0 || parts.length > 12 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) <= 0)) {
      ctx.addIssue({ code: 'custom', message: 'trancheShares' });
      return z.NEVER;
    }
    const percents = parts.map(Number);
    const sum = percents.reduce((a, b) => a + b, 0);
    if (sum !== 100) {
      ctx.addIssue({ code: 'custom', message: 'trancheSharesSum', params: { sum } });
      return z.NEVER;
    }
    return percents.map((p) => p * 100);
  });

/** A variance threshold in percent ("10", "12.5", "12,5"), kept in basis points; empty keeps what is stored. */
export const varianceThresholdInput = z
  .union([text(), z.number()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const typed = String(v).trim().replace(/\s*%$/, '').replace(',', '.');
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(typed) || Number(typed) > 100) {
      ctx.addIssue({ code: 'custom', message: 'varianceThreshold' });
      return z.NEVER;
    }
    return Math.round(Number(typed) * 100);
  });

/** Basis points as the programme form shows them: "80, 20", "10", "12.5". */
export const percentText = (basisPoints: number) => String(basisPoints / 100);

/**
 * A programme's rules as the administrator's form or the API sends them (docs/architecture.md#programme): who may take
 * part (ages), how long they stay, which partnership shapes it funds, and the documents checklist.
 */
export const programmeInput = z
  .object({
    code: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'invalidProgrammeCode')
      .max(40, 'tooLong'),
    name: text().trim().min(2, 'required').max(100, 'tooLong'),
    minAge: age,
    maxAge: age,
    stayMonths: checked(months)
      .refine((months) => months.length > 0, 'chooseStayMonths')
      .transform((months) => [...new Set(months)].sort((a, b) => a - b)),
    allowedShapes: checked(z.enum(SHAPES, { error: 'chooseShape' })).refine((shapes) => shapes.length > 0, 'chooseShape'),
    documents: linesInput(200, 30),
    trancheShares: trancheSharesInput,
    varianceThreshold: varianceThresholdInput,
  })
  .refine((p) => p.minAge <= p.maxAge, { path: ['maxAge'], message: 'ageRangeReversed' });
export type ProgrammeInput = z.infer<typeof programmeInput>;

/** The stored columns for the payment fields given (those left out keep what is stored, or the defaults). */
export function programmeMoneyColumns({ trancheShares, varianceThreshold }: Pick<ProgrammeInput, 'trancheShares' | 'varianceThreshold'>) {
  return {
    ...(trancheShares ? { trancheSharesBasisPoints: trancheShares } : {}),
    ...(varianceThreshold !== undefined ? { varianceThresholdBasisPoints: varianceThreshold } : {}),
  };
}
