import type { RouteConfigEntry } from '@react-router/dev/routes';

/** Every page's path pattern in app/routes.ts (`:lang/applications/:id`), for the tests that must cover them all. */
export function routePaths(entries: RouteConfigEntry[], parent = ''): string[] {
  return entries.flatMap((entry) => {
    const path = entry.index ? `${parent}/` : [parent, entry.path].filter(Boolean).join('/');
    if (entry.children?.length) return routePaths(entry.children, path);
    return [path || '/'];
  });
}
