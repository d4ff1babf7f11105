import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApi } from './app.ts';

const redoclyCli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/**
 * Redocly's `recommended` rules, as client tools and generators see the document: every operation
 * named (operationId), its security stated (none for the public ones), a 4xx answer, examples
 * that pass their own schemas. Run through the CLI, in a folder of its own so that no config file
 * of the project changes the rules.
 */
async function lint(document: string): Promise<LintReport> {
  const dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  try {
    await writeFile(join(dir, 'openapi.json'), document);
    const run = promisify(execFile)(process.execPath, [redoclyCli, 'lint', '--extends', 'recommended', '--format', 'json', 'openapi.json'], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    // A document with errors makes the CLI exit 1; its report is on stdout all the same.
    const { stdout } = await run.catch((error: { stdout?: string }) => {
      if (!error.stdout) throw error;
      return { stdout: error.stdout };
    });
    return JSON.parse(stdout) as LintReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules without an error or a warning', { timeout: 60_000 }, async () => {
    const document = await (await createApi().request('/openapi.json')).text();
    const report = await lint(document);
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
