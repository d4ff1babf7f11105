import type { Database } from '../../db/database.ts';
import type { Logger } from '../logger.ts';
import { jobs, type JobName, type JobResult } from './jobs.ts';

export interface JobsRunnerOptions {
  db: Database;
  logger: Logger;
  publicUrl: string;
  /** How often each job runs; the first run is `firstRunAfterMs` after start. */
  intervalMs?: number;
  firstRunAfterMs?: number;
  now?: () => Date;
  /** Which jobs to run (default: all). */
  names?: JobName[];
}

export interface JobsRunner {
  /** Runs every job once, now, one after the other; resolves to what each did. */
  runOnce(): Promise<Partial<Record<JobName, JobResult>>>;
  /** Stops the timer and waits for a run in flight. */
  stop(): Promise<void>;
}

/**
 * The scheduled jobs inside the server, started beside the email worker (server/start-server.ts) and
 * stopped on shutdown. Runs never overlap within a process; across processes (several servers, or
 * `npm run jobs` by hand) the jobs themselves make running twice harmless (server/jobs/jobs.ts). A job
 * that fails is logged and tried again at the next interval; it never stops the server.
 */
export function startJobsRunner({ db, logger, publicUrl, intervalMs = 60 * 60_000, firstRunAfterMs = 30_000, now, names }: JobsRunnerOptions): JobsRunner {
  const chosen = names ?? (Object.keys(jobs) as JobName[]);
  let stopped = false;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function runAll() {
    const results: Partial<Record<JobName, JobResult>> = {};
    for (const name of chosen) {
      if (stopped) break;
      try {
        const result = await jobs[name]({ db, publicUrl, now });
        results[name] = result;
        logger.info({ job: name }, result.summary);
      } catch (error) {
        logger.error({ err: error, job: name }, 'job failed; it runs again at the next interval');
      }
    }
    return results;
  }

  async function runOnce() {
    while (running) await running;
    const run = runAll();
    running = run;
    try {
      return await run;
    } finally {
      running = undefined;
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  }
  schedule(firstRunAfterMs);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
