import type { CoreContext } from '../core/context.ts';

/** Per-request values the server puts on the Hono context for API handlers. */
export interface ApiEnv {
  Variables: {
    core: CoreContext;
    ping: () => Promise<void>;
    /** The address people use (PUBLIC_URL): links in the emails a use-case sends start with it. */
    publicUrl: string;
    requestId: string;
  };
}
