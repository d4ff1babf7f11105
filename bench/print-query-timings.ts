/** A list query's answer, as far as the table shows it. */
export interface Answer {
  items?: unknown[];
  total?: number;
}

/**
 * Runs each case `runs` times and prints a Markdown table of p50 and p95 milliseconds with the rows
 * and total of the last answer: the format the README's performance figures are copied from.
 */
export async function printQueryTimings(cases: [string, () => Promise<Answer>][], runs = 15) {
  console.log('| query | p50 ms | p95 ms | rows | total |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, run] of cases) {
    const times: number[] = [];
    let last: Answer = {};
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(1);
    console.log(`| ${name} | ${at(50)} | ${at(95)} | ${last.items?.length ?? ''} | ${last.total ?? ''} |`);
  }
}
