import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instances } from './instances.ts';

/**
 * The audit log (format 2, see docs/audit-format.md). Append-only (triggers abort UPDATE and DELETE).
 * `body` is the canonical JSON text of what happened; the other columns are the entry's position and
 * commitments. The hashed bytes are assembled from these stored texts verbatim, so verification never
 * re-parses or re-canonicalises JSON.
 */
export const auditEntries = sqliteTable(
  'audit_log',
  {
    /** Global append order, 1, 2, 3... without gaps: the entry's leaf index in the Merkle tree is seq - 1. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    /** Position in the instance's chain, from 0 without gaps. */
    idx: integer('idx').notNull(),
    workflowId: text('workflow_id').notNull(),
    versionId: text('version_id').notNull(),
    /** ISO-8601 UTC. */
    at: text('at').notNull(),
    /** Canonical JSON: actor, kind, event, from, to, contextPatch, note. */
    body: text('body').notNull(),
    /** sha256 hex of the stored definition text of `version_id`. */
    definitionHash: text('definition_hash'),
    /** sha256 hex of the instance's stored snapshot text right after this entry. */
    snapshotHash: text('snapshot_hash'),
    prevHash: text('prev_hash').notNull(),
    /** sha256(0x00 ‖ entry text), hex: the entry's RFC 6962 leaf hash. */
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_instance_idx').on(t.instanceId, t.idx)],
);

/**
 * Signed tree heads (copies: the authoritative ones are in the witness directory, outside the
 * database). Append-only.
 */
export const treeHeads = sqliteTable(
  'tree_heads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    treeSize: integer('tree_size').notNull(),
    rootHash: text('root_hash').notNull(),
    headsSize: integer('heads_size').notNull(),
    headsRoot: text('heads_root').notNull(),
    /** Epoch milliseconds. */
    timestamp: integer('timestamp').notNull(),
    keyId: text('key_id').notNull(),
    /** Ed25519 public key, SPKI DER base64 (not secret; trust it only from out of band). */
    publicKey: text('public_key').notNull(),
    /** Ed25519 signature over the canonical head text, base64. */
    signature: text('signature').notNull(),
  },
  (t) => [index('tree_heads_size').on(t.treeSize)],
);

/**
 * Format 1 of the audit log (columns hashed by splicing). Kept read-only for databases written
 * before format 2; nothing appends to it and `verify` does not check it.
 */
export const legacyAuditEntries = sqliteTable(
  'audit_entries',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    idx: integer('idx').notNull(),
    workflowId: text('workflow_id').notNull(),
    versionId: text('version_id').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    contextPatch: text('context_patch'),
    note: text('note'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_entries_instance_idx').on(t.instanceId, t.idx)],
);

/** Format 1 checkpoints (unsigned, superseded by {@link treeHeads}); kept read-only. */
export const checkpoints = sqliteTable(
  'checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    root: text('root').notNull(),
    size: integer('size').notNull(),
    heads: text('heads', { mode: 'json' }).$type<[string, number, string][]>().notNull(),
  },
  (t) => [index('checkpoints_at').on(t.at)],
);
