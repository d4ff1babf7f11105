/** A progress bar on stderr: one line per phase, redrawn in place on a terminal (a generator's, for the bench's million rows). */
export function progressBar(enabled: boolean) {
  let phase = '';
  let total = 1;
  let done = 0;
  const started = performance.now();
  const draw = () => {
    if (!enabled) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${phase.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${done}/${total} ${((performance.now() - started) / 1000).toFixed(1)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
  return {
    start(name: string, size: number) {
      if (enabled && phase && process.stderr.isTTY) process.stderr.write('\n');
      phase = name;
      total = Math.max(size, 1);
      done = 0;
      draw();
    },
    tick(n: number) {
      done = Math.min(total, done + n);
      draw();
    },
    done() {
      if (enabled && process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}
