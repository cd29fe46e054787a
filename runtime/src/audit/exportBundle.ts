import type { HireflowDb } from '../store/index.ts';
import { anchorFor } from './auditAnchor.ts';
import { type RawAuditRow, ROW_COLUMNS, rowText } from './chainCheck.ts';
import { inclusionProof, type SubtreeCache } from './merkle.ts';
import { latestTreeHead, leafHashes, proveChainHead } from './proofs.ts';
import type { SignedTreeHead } from './treeHead.ts';

/** First line of an export bundle (docs/audit-format.md, "Export bundle"). */
export interface ExportHeader {
  type: 'hireflow-audit-export';
  version: 1;
  scope: 'all' | 'instance';
  instanceId?: string;
  /** The signed head every entry of the bundle is proven against; null when none was ever signed. */
  head: SignedTreeHead | null;
  /** Ed25519 public key, SPKI DER base64 (check it against one obtained out of band). */
  publicKey: string | null;
}

/**
 * The signed head an export is consistent with: a fresh one when this process runs the anchor (so
 * the export covers every entry), else the newest stored one.
 */
export function exportHead(db: HireflowDb): { head: SignedTreeHead | null; publicKey: string | null } {
  const anchor = anchorFor(db);
  if (anchor) {
    try {
      anchor.writeHead();
    } catch {
      // A head that cannot be signed (the log fails its checks) leaves the newest earlier head.
    }
  }
  const latest = latestTreeHead(db);
  if (!latest) return { head: null, publicKey: anchor?.key.publicKeyBase64 ?? null };
  const { publicKey, ...head } = latest;
  return { head, publicKey: anchor?.key.publicKeyBase64 ?? publicKey };
}

/**
 * The export bundle as NDJSON lines: a header with the signed head and public key, then every entry
 * covered by the head (`text` = the exact hashed bytes, `hash`). For one instance, each entry also
 * carries its inclusion proof and a last `chainHead` line proves where the chain ended at the head,
 * which makes the exported history provably complete as of the head.
 */
export function* exportBundleLines(db: HireflowDb, instanceId?: string): Generator<string> {
  const { head, publicKey } = exportHead(db);
  const header: ExportHeader = {
    type: 'hireflow-audit-export',
    version: 1,
    scope: instanceId === undefined ? 'all' : 'instance',
    ...(instanceId === undefined ? {} : { instanceId }),
    head,
    publicKey,
  };
  yield `${JSON.stringify(header)}\n`;
  // Without any signed head the bundle carries every entry, unproven (the verifier says so).
  const size = head?.treeSize ?? Number.MAX_SAFE_INTEGER;
  const rows =
    instanceId === undefined
      ? db.sqlite
          .prepare(`select ${ROW_COLUMNS} from audit_log where seq <= ? order by seq`)
          .raw()
          .iterate(size)
      : db.sqlite
          .prepare(`select ${ROW_COLUMNS} from audit_log where instance_id = ? and seq <= ? order by idx`)
          .raw()
          .iterate(instanceId, size);
  const leaves = instanceId === undefined || !head ? [] : leafHashes(db, size);
  const cache: SubtreeCache = new Map();
  for (const raw of rows as IterableIterator<RawAuditRow>) {
    const [seq, hash] = [raw[0], raw[10]];
    const text = rowText(raw);
    const line: Record<string, unknown> = { type: 'entry', text, hash };
    if (instanceId !== undefined && head)
      line.inclusion = inclusionProof(leaves, seq - 1, 0, size, cache).map((b) => b.toString('hex'));
    yield `${JSON.stringify(line)}\n`;
  }
  if (instanceId !== undefined && head) {
    const proof = proveChainHead(db, instanceId, size);
    if (proof) yield `${JSON.stringify({ type: 'chainHead', ...proof })}\n`;
  }
}
