/**
 * Zod learns `.openapi()` when `@hono/zod-openapi` is first imported, and a zod 4 schema made before that
 * never has it. In the server's bundle that import comes before any of our modules runs. In a test worker,
 * which keeps its modules from one file to the next (decision 003), a core test could make core's schemas
 * first and an API test then fail to describe them ("scoresInput.openapi is not a function"). So every
 * worker imports it first, as the server does.
 */
import '@hono/zod-openapi';
