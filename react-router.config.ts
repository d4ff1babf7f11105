import type { Config } from '@react-router/dev/config';

// Server-rendered everywhere: pages are complete HTML before any JavaScript runs.
export default {
  ssr: true,
  appDirectory: 'app',
  buildDirectory: 'build',
} satisfies Config;
