import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { DESIGNER_TYPES_FILE, generateDesignerTypes } from './designerTypes.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
});
afterAll(() => t.close());

describe('the designer API types', () => {
  it('are generated from the OpenAPI document the server answers today', async () => {
    const document = await t.anonymous().get('/api/openapi.json');
    expect(document.status).toBe(200);
    const fresh = await generateDesignerTypes(document.body);
    const committed = readFileSync(DESIGNER_TYPES_FILE, 'utf8');
    // On failure: run `pnpm --filter @hireflow/server api:types` and commit the result.
    expect(committed === fresh, 'designer/src/api/generated/openapi.ts is stale').toBe(true);
  });
});
