import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: a clone of it is all a reader needs. Nothing tracked may point at the
 * documents of the workspace it was started in; the architecture and the decisions live in docs/.
 */
const root = join(import.meta.dirname, '..', '..');

// Built by concatenation, so that this file does not contain what it looks for.
const shared = 'shared' + '/';
const needles = ['..' + '/' + shared, shared + 'DESIGN' + '.md', shared + 'STYLE' + '.md'];

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((file) => file !== '' && file !== 'package-lock.json');
}

describe('the repository stands alone', () => {
  it('no tracked file refers to documents outside the repository', () => {
    const found: string[] = [];
    for (const file of trackedFiles()) {
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue; // listed by git but deleted in the working tree
      }
      text.split('\n').forEach((line, index) => {
        for (const needle of needles) if (line.includes(needle)) found.push(`${file}:${index + 1}: ${needle}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the README links to the architecture', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/architecture.md');
    expect(readFileSync(join(root, 'docs', 'architecture.md'), 'utf8')).toMatch(/^# /);
  });

  it('every decision record has a date and a status', () => {
    const dir = join(root, 'docs', 'decisions');
    const records = readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(records.length).toBeGreaterThan(0);
    const missing = records.flatMap((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const problems: string[] = [];
      if (!/^Date: \d{4}-\d{2}-\d{2}\s*$/m.test(text)) problems.push(`${name}: no "Date: YYYY-MM-DD" line`);
      if (!/^Status: (Accepted|Superseded by \d{3})\s*$/m.test(text)) problems.push(`${name}: no "Status: Accepted" or "Status: Superseded by NNN" line`);
      return problems;
    });
    expect(missing).toEqual([]);
  });
});
