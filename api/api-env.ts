import type { CoreContext } from '../core/context.ts';

/** Per-request values the server puts on the Hono context for API handlers. */
export interface ApiEnv {
  Variables: {
    core: CoreContext;
    ping: () => Promise<void>;
    requestId: string;
  };
}
