import { OPEN_DATASETS } from '../core/open-data/open-data-columns.ts';
import type { Logger } from './logger.ts';

/** Each open dataset's file, as the API serves it and server/public-page-cache.ts keeps it. */
export const openDataFilePaths = OPEN_DATASETS.flatMap((dataset) => [`/api/v1/open-data/${dataset}.json`, `/api/v1/open-data/${dataset}.csv`]);

/** What answers a request in-process: the server's Hono app. */
interface InProcessApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * The open datasets' files made once the server listens, in the background and one after another, as a
 * visitor's download would make them (a request without cookies, gzip accepted), so that the first download
 * does not wait for the making: at 100,000 partnerships the partnerships' JSON took 3–5 s to make, and every
 * download in that time waited for it. After a write the next download gets the last file made while a new
 * one is made (`lastOrNewFile`), so only the first after start ever waited. A failure (the server stopping
 * meanwhile) ends the making quietly: the first download then makes the file as before.
 */
export async function makeOpenDataFilesAhead(app: InProcessApp, publicUrl: string, logger: Logger): Promise<void> {
  for (const path of openDataFilePaths) {
    try {
      const response = await app.request(`${publicUrl}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      await response.arrayBuffer();
    } catch (error) {
      logger.debug({ err: error, path }, 'open data: a file was not made ahead');
      return;
    }
  }
}
