import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { toOperationId } from './withApiConventions.ts';

interface Doc {
  servers: { url: string }[];
  security: unknown[];
  components: { securitySchemes: Record<string, { type: string }> };
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('names both security schemes, the server, and gives every operation a unique operationId', async () => {
    const { body: doc } = await t.anonymous().get<Doc>('/api/openapi.json');
    expect(doc.servers[0]?.url).toBe(t.server.url);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    expect(doc.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lifts authentication on public routes only', async () => {
    const { body: doc } = await t.anonymous().get<Doc>('/api/openapi.json');
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/healthz']?.get?.security).toEqual([]);
    expect(doc.paths['/api/workflows']?.get?.security).toBeUndefined();
  });

  it('derives readable ids from method and path', () => {
    expect(toOperationId('post', '/api/instances/{id}/events')).toBe('postInstancesByIdEvents');
    expect(toOperationId('get', '/api/audit/export.ndjson')).toBe('getAuditExportNdjson');
  });
});
