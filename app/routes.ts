import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/locale-redirect.tsx'),
  route(':lang', 'routes/locale-layout.tsx', [
    index('routes/home.tsx'),
    route('organisations', 'routes/organisations.tsx'),
    route('sign-in', 'routes/sign-in.tsx'),
    route('*', 'routes/not-found.tsx'),
  ]),
] satisfies RouteConfig;
