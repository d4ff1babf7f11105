import { agency } from '../../db/schema/agency.ts';
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { coreContext } from '../../core/context.ts';
import { enqueueEmail } from '../../core/email/enqueue-email.ts';
import { system } from '../../core/identity/actor.ts';

/** better-auth made a reset token: email a link to our own reset page, in the person's language. */
export async function sendPasswordResetEmail(
  db: Database,
  { userId, email, name, locale, token, publicUrl }: { userId: string; email: string; name: string; locale: string; token: string; publicUrl: string },
) {
  await db.transaction(async (tx) => {
    const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
    await enqueueEmail(tx, {
      to: email,
      locale,
      name,
      template: 'passwordReset',
      agencyName: agencyRow?.name ?? '',
      params: { url: `${publicUrl}/${locale}/reset-password?token=${encodeURIComponent(token)}` },
    });
    await recordAudit(tx, coreContext({ db: tx, actor: system('password-reset') }), { action: 'account.password-reset-requested', recordType: 'user', recordId: userId });
  });
}
