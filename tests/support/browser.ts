import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags that keep Chromium from reaching for the network on a closed machine (MACHINE.md). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium when present, else Playwright's own download; null when neither is installed. */
export function findBrowser(): { executablePath?: string } | null {
  const system = systemChromium.find((path) => existsSync(path));
  if (system) return { executablePath: system };
  try {
    if (existsSync(chromium.executablePath())) return {};
  } catch {
    // Playwright throws when it has no browser of its own.
  }
  return null;
}
