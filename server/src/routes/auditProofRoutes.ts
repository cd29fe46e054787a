import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bundleBody } from '../audit/auditAnchorViews.ts';
import { logAccess } from '../db/accessLog.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import {
  anchorFor,
  exportBundleLines,
  latestTreeHead,
  proveConsistency,
  proveInclusion,
  treeHeadOfSize,
} from '../runtime.ts';
import { jsonResponse, problemResponses } from '../schemas/common.ts';

const tags = ['audit'];
const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const TreeHead = z
  .object({
    version: z.literal('hireflow-sth/1'),
    treeSize: z.number().int(),
    rootHash: Hex,
    headsSize: z.number().int(),
    headsRoot: Hex,
    timestamp: z.number().int(),
    keyId: Hex,
    signature: z.string(),
    publicKey: z
      .string()
      .openapi({ description: 'Ed25519 SPKI DER, base64; trust one obtained out of band' }),
  })
  .openapi('SignedTreeHead');
const Size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const latest = createRoute({
  method: 'get',
  path: '/api/audit/tree-heads/latest',
  tags,
  summary: 'The newest signed tree head over the audit log',
  responses: { 200: jsonResponse(TreeHead, 'The head'), ...problemResponses },
});
const inclusion = createRoute({
  method: 'get',
  path: '/api/audit/proofs/inclusion',
  tags,
  summary: 'RFC 6962 inclusion proof of entry `seq` in the tree of `treeSize` entries (default: newest head)',
  request: { query: z.strictObject({ seq: Size.pipe(z.number().min(1)), treeSize: Size.optional() }) },
  responses: {
    200: jsonResponse(
      z.object({
        seq: z.number(),
        leafIndex: z.number(),
        treeSize: z.number(),
        rootHash: Hex,
        path: z.array(Hex),
      }),
      'The proof',
    ),
    ...problemResponses,
  },
});
const consistency = createRoute({
  method: 'get',
  path: '/api/audit/proofs/consistency',
  tags,
  summary: 'RFC 6962 consistency proof between two tree sizes',
  request: { query: z.strictObject({ from: Size, to: Size }) },
  responses: {
    200: jsonResponse(
      z.object({ from: z.number(), to: z.number(), fromRoot: Hex, toRoot: Hex, path: z.array(Hex) }),
      'The proof',
    ),
    ...problemResponses,
  },
});
const bulkExport = createRoute({
  method: 'get',
  path: '/api/audit/export',
  tags,
  summary: 'The whole audit log as an NDJSON export bundle with the signed head it is consistent with',
  responses: { 200: { description: 'NDJSON bundle (docs/audit-format.md)' }, ...problemResponses },
});

/** Signed tree heads, proofs and the bulk export: log-wide, for auditors and admins. */
export function auditProofRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { engine, store } = deps;
  const head = () => {
    const found = latestTreeHead(engine.db);
    if (!found) throw new ProblemError('NOT_FOUND', 'No tree head has been signed yet');
    return found;
  };

  app.openapi(latest, (c) => c.json(head(), 200));

  app.openapi(inclusion, (c) => {
    const { seq, treeSize } = c.req.valid('query');
    const size = treeSize ?? head().treeSize;
    if (treeSize !== undefined && !treeHeadOfSize(engine.db, treeSize))
      throw new ProblemError('NOT_FOUND', `No signed head of size ${treeSize}`);
    const proof = proveInclusion(engine.db, seq, size);
    if (!proof) throw new ProblemError('NOT_FOUND', `Entry ${seq} is not in the tree of size ${size}`);
    return c.json(proof, 200);
  });

  app.openapi(consistency, (c) => {
    const { from, to } = c.req.valid('query');
    const proof = proveConsistency(engine.db, from, to);
    if (!proof) throw new ProblemError('NOT_FOUND', `No consistency proof from ${from} to ${to}`);
    return c.json(proof, 200);
  });

  app.openapi(bulkExport, (c) => {
    logAccess(store, {
      userId: c.get('principal').user.id,
      action: 'audit.export.all',
      target: 'database',
      now: now(),
    });
    c.header('content-disposition', 'attachment; filename="audit-log.ndjson"');
    // Touch the anchor first so a missing key shows as an error before streaming starts.
    anchorFor(engine.db);
    return c.body(bundleBody(exportBundleLines(engine.db)), 200, { 'content-type': 'application/x-ndjson' });
  });
  return app;
}
