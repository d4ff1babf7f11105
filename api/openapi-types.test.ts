import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OPENAPI_TYPES_FILE, openApiTypesSource } from './openapi-types-source.ts';

describe('api/openapi-types.ts', () => {
  it('is what the OpenAPI document generates now (else: npm run api:types)', { timeout: 60_000 }, async () => {
    const committed = await readFile(OPENAPI_TYPES_FILE, 'utf8');
    const generated = await openApiTypesSource();
    expect(committed, 'api/openapi-types.ts is stale: run `npm run api:types` and commit it').toBe(generated);
  });
});
