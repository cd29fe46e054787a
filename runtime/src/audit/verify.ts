import type { HireflowDb } from '../store/index.ts';
import { hashAuditEntry, type StoredAuditFields } from './auditDigest.ts';
import { merkleRoot } from './merkleRoot.ts';
import { GENESIS_HASH } from './types.ts';
import { headLeaf, latestCheckpoint } from './writeCheckpoint.ts';

/** Why verification stopped. */
export type VerifyFailureCode =
  /** An entry is missing before this one (deleted, or the chain does not start at 0). */
  | 'IDX_GAP'
  /** prevHash is not the previous entry's hash (entries swapped, removed or forged). */
  | 'BROKEN_LINK'
  /** The stored hash is not the hash of the stored content (a field was edited). */
  | 'HASH_MISMATCH'
  /** A JSON field is not valid JSON on its own (an attempt to shift bytes between fields). */
  | 'MALFORMED_ENTRY'
  /** The latest checkpoint's stored root or size does not match its heads. */
  | 'CHECKPOINT_ROOT_MISMATCH'
  /** A head listed in the latest checkpoint is gone (chain truncated or deleted) or changed. */
  | 'CHECKPOINT_HEAD_MISSING'
  | 'CHECKPOINT_HEAD_CHANGED'
  /** An instance exists without a single audit entry (its whole chain was deleted). */
  | 'INSTANCE_WITHOUT_LOG';

/** The first bad entry found, in append (seq) order. */
export interface VerifyFailure {
  instanceId: string;
  /** Null when the entry itself is missing. */
  seq: number | null;
  idx: number | null;
  code: VerifyFailureCode;
  reason: string;
}

/** What {@link verify} found. */
export interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  instancesChecked: number;
  /** The checkpoint checked, if any. */
  checkpointId: number | null;
  firstBad?: VerifyFailure;
}

type RawRow = [number, string, number, string, string, string, string, string, string, ...(string | null)[]];

const CHAIN_QUERY = `select seq, instance_id, idx, workflow_id, version_id, at, actor, kind, event,
  from_state, to_state, context_patch, note, prev_hash, hash from audit_entries order by seq`;

/**
 * Recomputes every instance's hash chain (idx continuity, prevHash links, hashes), then checks the
 * latest checkpoint: its root recomputes and every head it lists is still in the log with the same
 * hash, so a whole chain deleted or truncated after the checkpoint is detected. Streams the log.
 */
export function verify(db: HireflowDb): VerifyResult {
  const result: VerifyResult = { ok: true, entriesChecked: 0, instancesChecked: 0, checkpointId: null };
  const fail = (failure: VerifyFailure): VerifyResult => ({ ...result, ok: false, firstBad: failure });

  // Append order: a sequential table scan, the fastest way through the log. Each chain's tip is
  // kept in memory (one small record per instance), so the first bad entry is the earliest appended.
  const tips = new Map<string, { idx: number; hash: string }>();
  for (const raw of db.sqlite.prepare(CHAIN_QUERY).raw().iterate() as IterableIterator<RawRow>) {
    const instanceId = raw[1];
    const tip = tips.get(instanceId);
    const failure = checkLink(raw, tip);
    if (failure) return fail(failure);
    if (tip === undefined) {
      tips.set(instanceId, { idx: raw[2], hash: raw[14] as string });
      result.instancesChecked++;
    } else {
      tip.idx = raw[2];
      tip.hash = raw[14] as string;
    }
    result.entriesChecked++;
  }

  const checkpointFailure = verifyLatestCheckpoint(db, result);
  if (checkpointFailure) return fail(checkpointFailure);

  const orphan = db.sqlite
    .prepare<[], { id: string }>(
      'select id from instances i where not exists (select 1 from audit_entries a where a.instance_id = i.id) order by id limit 1',
    )
    .get();
  if (orphan) {
    return fail({
      instanceId: orphan.id,
      seq: null,
      idx: null,
      code: 'INSTANCE_WITHOUT_LOG',
      reason: 'the instance has no audit entries',
    });
  }
  return result;
}

/** Checks one stored row against the chain tip before it; undefined when the link is sound. */
function checkLink(raw: RawRow, tip: { idx: number; hash: string } | undefined): VerifyFailure | undefined {
  const row = toStored(raw);
  const expectedIdx = tip === undefined ? 0 : tip.idx + 1;
  const at = { instanceId: row.instanceId, seq: row.seq, idx: row.idx };
  if (row.idx !== expectedIdx)
    return { ...at, code: 'IDX_GAP', reason: `expected entry ${expectedIdx}, found ${row.idx}` };
  if (row.prevHash !== (tip?.hash ?? GENESIS_HASH)) {
    return { ...at, code: 'BROKEN_LINK', reason: 'prevHash is not the hash of the previous entry' };
  }
  if (!hasWellFormedJson(row))
    return { ...at, code: 'MALFORMED_ENTRY', reason: 'a JSON field is not valid JSON' };
  if (hashAuditEntry(row) !== raw[14]) {
    return { ...at, code: 'HASH_MISMATCH', reason: 'the stored hash does not match the entry content' };
  }
  return undefined;
}

const INSTANCE_CHAIN_QUERY = `select seq, instance_id, idx, workflow_id, version_id, at, actor, kind, event,
  from_state, to_state, context_patch, note, prev_hash, hash from audit_entries where instance_id = ? order by idx`;

/**
 * Recomputes one instance's chain with the same checks as {@link verify} ("is this candidate's history
 * intact?") without scanning the whole log; it also compares the chain head with the latest
 * checkpoint, so a truncated tail before that checkpoint is caught.
 */
export function verifyInstance(db: HireflowDb, instanceId: string): VerifyResult {
  const result: VerifyResult = { ok: true, entriesChecked: 0, instancesChecked: 1, checkpointId: null };
  let tip: { idx: number; hash: string } | undefined;
  for (const raw of db.sqlite
    .prepare(INSTANCE_CHAIN_QUERY)
    .raw()
    .iterate(instanceId) as IterableIterator<RawRow>) {
    const failure = checkLink(raw, tip);
    if (failure) return { ...result, ok: false, firstBad: failure };
    tip = { idx: raw[2], hash: raw[14] as string };
    result.entriesChecked++;
  }
  if (tip === undefined) {
    return {
      ...result,
      ok: false,
      firstBad: {
        instanceId,
        seq: null,
        idx: null,
        code: 'INSTANCE_WITHOUT_LOG',
        reason: 'the instance has no audit entries',
      },
    };
  }
  const checkpoint = latestCheckpoint(db);
  const head = checkpoint?.heads.find(([id]) => id === instanceId);
  if (checkpoint && head) {
    result.checkpointId = checkpoint.id;
    const [, idx, hash] = head;
    const stored = db.sqlite
      .prepare<[string, number], { hash: string }>(
        'select hash from audit_entries where instance_id = ? and idx = ?',
      )
      .get(instanceId, idx);
    if (!stored)
      return {
        ...result,
        ok: false,
        firstBad: {
          instanceId,
          seq: null,
          idx,
          code: 'CHECKPOINT_HEAD_MISSING',
          reason: `entry ${idx}, recorded in checkpoint ${checkpoint.id}, is gone`,
        },
      };
    if (stored.hash !== hash)
      return {
        ...result,
        ok: false,
        firstBad: {
          instanceId,
          seq: null,
          idx,
          code: 'CHECKPOINT_HEAD_CHANGED',
          reason: `entry ${idx} differs from checkpoint ${checkpoint.id}`,
        },
      };
  }
  return result;
}

/** The last appended audit sequence number (0 when the log is empty), e.g. for a live stream's cursor. */
export function latestAuditSeq(db: HireflowDb): number {
  const row = db.sqlite
    .prepare<[], { seq: number | null }>('select max(seq) as seq from audit_entries')
    .get();
  return row?.seq ?? 0;
}

function verifyLatestCheckpoint(db: HireflowDb, result: VerifyResult): VerifyFailure | undefined {
  const checkpoint = latestCheckpoint(db);
  if (checkpoint === undefined) return undefined;
  result.checkpointId = checkpoint.id;
  if (
    checkpoint.size !== checkpoint.heads.length ||
    merkleRoot(checkpoint.heads.map(headLeaf)) !== checkpoint.root
  ) {
    return {
      instanceId: '',
      seq: null,
      idx: null,
      code: 'CHECKPOINT_ROOT_MISMATCH',
      reason: `checkpoint ${checkpoint.id}: the root does not match its heads`,
    };
  }
  const lookup = db.sqlite.prepare<[string, number], { seq: number; hash: string }>(
    'select seq, hash from audit_entries where instance_id = ? and idx = ?',
  );
  for (const [instanceId, idx, hash] of checkpoint.heads) {
    const found = lookup.get(instanceId, idx);
    if (found === undefined) {
      return {
        instanceId,
        seq: null,
        idx,
        code: 'CHECKPOINT_HEAD_MISSING',
        reason: `checkpoint ${checkpoint.id} lists entry ${idx}, which is gone`,
      };
    }
    if (found.hash !== hash) {
      return {
        instanceId,
        seq: found.seq,
        idx,
        code: 'CHECKPOINT_HEAD_CHANGED',
        reason: `entry ${idx} differs from the one checkpoint ${checkpoint.id} recorded`,
      };
    }
  }
  return undefined;
}

function toStored(raw: RawRow): StoredAuditFields {
  return {
    seq: raw[0],
    instanceId: raw[1],
    idx: raw[2],
    workflowId: raw[3],
    versionId: raw[4],
    at: raw[5],
    actor: raw[6],
    kind: raw[7],
    event: raw[8],
    fromState: raw[9] ?? null,
    toState: raw[10] ?? null,
    contextPatch: raw[11] ?? null,
    note: raw[12] ?? null,
    prevHash: raw[13] as string,
  };
}

/**
 * The digest splices stored JSON texts, so each must be one JSON value on its own; otherwise bytes
 * could be moved from one field to the next without changing the hash.
 */
function hasWellFormedJson(row: StoredAuditFields): boolean {
  try {
    for (const text of [row.actor, row.event, row.fromState, row.toState, row.contextPatch]) {
      if (text !== null) JSON.parse(text);
    }
    return true;
  } catch {
    return false;
  }
}
