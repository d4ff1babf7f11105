import type { Database } from '../../db/database.ts';
import type { Logger } from '../logger.ts';
import { jobs, type Job, type JobName, type JobResult } from './jobs.ts';

export interface JobsRunnerOptions {
  db: Database;
  logger: Logger;
  publicUrl: string;
  iatiOrganisationIdentifier?: string;
  /** How often each job runs, and when first, for every job alike (default: each job's own, server/jobs/jobs.ts). */
  intervalMs?: number;
  firstRunAfterMs?: number;
  now?: () => Date;
  /** Which jobs to run (default: all). */
  names?: JobName[];
}

export interface JobsRunner {
  /** Runs every job once, now, one after the other; resolves to what each did. */
  runOnce(): Promise<Partial<Record<JobName, JobResult>>>;
  /** Stops the timers and waits for the runs in flight. */
  stop(): Promise<void>;
}

/**
 * The scheduled jobs inside the server, started beside the email worker (server/start-server.ts) and
 * stopped on shutdown. Each job has its own timer; runs of one job never overlap within a process, and
 * across processes (several servers, or `npm run jobs` by hand) the jobs themselves make running twice
 * harmless (server/jobs/jobs.ts). A job that fails is logged and tried again at its next interval; it
 * never stops the server.
 */
export function startJobsRunner({ db, logger, publicUrl, iatiOrganisationIdentifier, intervalMs, firstRunAfterMs, now, names }: JobsRunnerOptions): JobsRunner {
  const chosen = names ?? (Object.keys(jobs) as JobName[]);
  let stopped = false;
  const running = new Map<JobName, Promise<unknown>>();
  const timers = new Map<JobName, NodeJS.Timeout>();

  /** One run of one job, after any run of it in flight; the result, or undefined when it failed. */
  async function runJob(name: JobName): Promise<{ result?: JobResult; ms: number }> {
    while (running.has(name)) await running.get(name);
    const started = performance.now();
    const run = (async () => {
      try {
        const result = await (jobs[name] as Job).run({ db, publicUrl, iatiOrganisationIdentifier, now });
        if (result.idle) logger.debug({ job: name }, result.summary);
        else logger.info({ job: name }, result.summary);
        return result;
      } catch (error) {
        logger.error({ err: error, job: name }, 'job failed; it runs again at the next interval');
        return undefined;
      }
    })();
    running.set(name, run);
    try {
      return { result: await run, ms: performance.now() - started };
    } finally {
      running.delete(name);
    }
  }

  function schedule(name: JobName, delay: number) {
    if (stopped) return;
    const job: Job = jobs[name];
    const timer = setTimeout(() => {
      void runJob(name).then(({ ms }) => schedule(name, Math.max(intervalMs ?? job.everyMs, (job.restFactor ?? 0) * ms)));
    }, delay);
    timer.unref();
    timers.set(name, timer);
  }
  for (const name of chosen) schedule(name, firstRunAfterMs ?? jobs[name].firstAfterMs);

  return {
    async runOnce() {
      const results: Partial<Record<JobName, JobResult>> = {};
      for (const name of chosen) {
        if (stopped) break;
        const { result } = await runJob(name);
        if (result) results[name] = result;
      }
      return results;
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
