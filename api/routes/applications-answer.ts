import type { Context } from 'hono';
import { getApplicationReview } from '../../core/applications/get-application-review.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import { can } from '../../core/identity/permissions.ts';
import type { ApiEnv } from '../api-env.ts';
import { etagFor } from '../optimistic-lock.ts';
import { applicationBodyOf, ApplicationSchema } from '../schemas/application-schemas.ts';

export const etagHeader = { ETag: { description: 'The application’s version.', schema: { type: 'string' as const } } };

/** Every write answers with the application as it is now, like GET /v1/applications/{id}. */
export const applicationAnswer = (description: string) => ({
  200: { description, headers: etagHeader, content: { 'application/json': { schema: ApplicationSchema } } },
});

/** The application as this caller may see it, with the agency's review only for agency staff; sets the ETag. */
export async function applicationBody(c: Context<ApiEnv>, id: string) {
  const ctx = c.var.core;
  const detail = await getApplication(ctx, { applicationId: id });
  const review = can(ctx.actor, 'application:read-internal') ? await getApplicationReview(ctx, { applicationId: id }) : undefined;
  c.header('ETag', etagFor(detail.application.updatedAt));
  return applicationBodyOf(detail, review);
}
