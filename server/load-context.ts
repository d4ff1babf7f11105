import type { CoreContext } from '../core/context.ts';
import type { Auth } from './auth/create-auth.ts';

/** What the server hands every React Router loader and action. */
export interface RequestContext {
  core: CoreContext;
  requestId: string;
  auth: Auth;
  /** Where people reach the platform; links in emails start with it. */
  publicUrl: string;
  /** Client address, for sign-in rate limits. */
  clientIp: string;
  /** Development: email goes to the log and the admin mail viewer instead of SMTP. */
  mailToLog: boolean;
  /** The agency's IATI organisation identifier (IATI_ORGANISATION_IDENTIFIER); the default when absent. */
  iatiOrganisationIdentifier?: string;
  /** Agency single sign-on is configured. */
  oidcEnabled: boolean;
  /**
   * A request the server refused before any route saw it (a body over the size limit): the page is the
   * error page with this status and message, rendered like every other page.
   */
  refusal?: { status: number; message?: string; path: string };
}

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
