import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from '../tests/support/browser.ts';

/**
 * Before the end-to-end tests: make sure there is a Chromium. Debian's package where apt and root are
 * available, otherwise Playwright's own download; if neither works, one line says how to get one.
 */
function run(command: string, args: string[]) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (!findBrowser()) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No browser found: installing Debian’s chromium…');
    if (run('apt-get', ['update', '-qq'])) run('apt-get', ['install', '-y', '-qq', 'chromium']);
  }
  if (!findBrowser()) {
    console.log('No system chromium: trying Playwright’s own browser download…');
    run('node_modules/.bin/playwright', ['install', 'chromium']);
  }
  if (!findBrowser()) {
    console.error(
      'No browser for the end-to-end tests: install one with "sudo apt-get install chromium" (Debian/Ubuntu) or "npx playwright install chromium".',
    );
    process.exit(1);
  }
}
