import { PASSWORD_MIN } from '../../core/identity/password-policy.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';

/** "New password" and "Repeat the password", with the length hint and autocomplete for password managers. */
export function NewPasswordFields({ errors }: { errors: FieldError[] }) {
  const { t } = useI18n();
  return (
    <>
      <TextField name="password" type="password" label={t('password.new')} hint={t('password.hint', { min: PASSWORD_MIN })} errors={errors} autoComplete="new-password" />
      <TextField name="passwordRepeat" type="password" label={t('password.repeat')} errors={errors} autoComplete="new-password" />
    </>
  );
}
