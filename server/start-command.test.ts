import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverBundle, serverNodeFlags } from '../scripts/build-server.ts';

describe('how production starts', () => {
  it('npm start runs the compiled server with the heap limit the benchmarks use', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(`exec node ${[...serverNodeFlags, serverBundle].join(' ')}`);
  });
});
