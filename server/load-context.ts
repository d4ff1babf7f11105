import type { CoreContext } from '../core/context.ts';

/** What the server hands every React Router loader and action. */
export interface RequestContext {
  core: CoreContext;
  requestId: string;
}

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
