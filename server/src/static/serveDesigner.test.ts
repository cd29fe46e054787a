import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'hireflow-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hireflow designer</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  t = await startTestServer({ workers: false, designerDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the built designer', () => {
  it('serves files, falls back to index.html for client routes, and keeps /api 404s as problems', async () => {
    const asset = await fetch(`${t.server.url}/assets/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const deepLink = await fetch(`${t.server.url}/workflows/offer-approval`);
    expect(await deepLink.text()).toContain('Hireflow designer');
    const unknownApi = await fetch(`${t.server.url}/api/no-such-route`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toContain('application/problem+json');
  });
});
