import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-policy.ts';

/** A new password typed twice: on accepting an invitation and on resetting a password. */
// Passwords are the one text that is not normalised (core/input/text.ts): it is compared byte for byte
// when signing in, so it is kept exactly as typed.
export const newPasswordFields = {
  password: z.string().min(PASSWORD_MIN, 'passwordTooShort').max(PASSWORD_MAX, 'tooLong'),
  passwordRepeat: z.string(),
};

export const passwordsMatch: [(v: { password: string; passwordRepeat: string }) => boolean, { message: string; path: string[] }] = [
  (v) => v.password === v.passwordRepeat,
  { message: 'passwordsDiffer', path: ['passwordRepeat'] },
];
