import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { OPENAPI_TYPES_FILE, openApiTypesSource } from './openapi-types-source.ts';

// npm run api:types: the API's types from its OpenAPI document, after a change of a route or schema.
await writeFile(OPENAPI_TYPES_FILE, await openApiTypesSource());
console.log(`wrote ${fileURLToPath(OPENAPI_TYPES_FILE)}`);
