import { and, eq } from 'drizzle-orm';
import { applicationAttachments } from '../../db/schema/applications.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { findReadableApplication } from './application-scope.ts';
import { isRecordId } from '../records/record-id.ts';

/** The file, for whoever may read the application: its record, and its bytes from the file store. */
export async function getAttachment(ctx: CoreContext, { applicationId: id, attachmentId }: { applicationId: string; attachmentId: string }) {
  await findReadableApplication(ctx, id);
  if (!isRecordId(attachmentId)) throw new NotFoundError('attachment');
  const [row] = await ctx.db
    .select()
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, id)));
  if (!row) throw new NotFoundError('attachment');
  const { fileKey, ...attachment } = row;
  return { ...attachment, content: await ctx.files.get(ctx.db, fileKey) };
}
