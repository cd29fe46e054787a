import type { KeyObject } from 'node:crypto';
import type { HireflowDb } from '../store/index.ts';
import {
  type ChainTip,
  checkRow,
  headsRoot,
  type LinkFailureCode,
  type RawAuditRow,
  ROW_COLUMNS,
} from './chainCheck.ts';
import { textHash } from './entryText.ts';
import { MerkleFrontier } from './merkle.ts';
import { listStoredHeads } from './proofs.ts';
import { type SignedTreeHead, verifyTreeHeadSignature } from './treeHead.ts';
import { readWitnessHeads } from './witness.ts';

/** What is wrong. */
export type VerifyFailureCode =
  | LinkFailureCode
  /** A seq is missing or out of order: entries were deleted or reordered. */
  | 'SEQ_GAP'
  /** A signed head covers more entries than the log holds: entries were deleted. */
  | 'LOG_TRUNCATED'
  /** The log's Merkle root at a signed head's size differs from the signed root. */
  | 'HEAD_ROOT_MISMATCH'
  /** Every instance's last entry at the head's size does not give the signed heads root. */
  | 'HEADS_ROOT_MISMATCH'
  /** A head's signature does not verify under the trusted key (or names another key). */
  | 'HEAD_SIGNATURE_INVALID'
  /** An instance's stored snapshot is not the one its last entry commits to. */
  | 'SNAPSHOT_MISMATCH'
  /** A version's stored definition is not the one its entries commit to. */
  | 'DEFINITION_MISMATCH'
  /** An instance exists without a single audit entry (its whole chain was deleted). */
  | 'INSTANCE_WITHOUT_LOG';

/** One finding: the first bad entry of an instance's chain, or a log-wide finding (`instanceId` ''). */
export interface VerifyFailure {
  instanceId: string;
  seq: number | null;
  idx: number | null;
  code: VerifyFailureCode;
  reason: string;
}

/** The signed head verification is anchored to. */
export interface AnchorReport {
  treeSize: number;
  timestamp: number;
  /** Where the head was read: the witness directory outside the database, or the database copy. */
  source: 'witness' | 'database';
  /** False when no trusted key was given and the head's own embedded key was used (weak). */
  keyTrusted: boolean;
}

/** What {@link verify} found. */
export interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  instancesChecked: number;
  /** Entries proven by a signed head: any change to them is detected. Null without a valid head. */
  anchored: AnchorReport | null;
  /** Entries after the newest signed head: chain-checked only (a recomputed forgery is undetectable). */
  tail: { count: number; from: string | null; to: string | null };
  headsChecked: number;
  /** Every finding: the first bad entry of each instance, then log-wide ones. */
  failures: VerifyFailure[];
  /** The earliest finding (compatibility with single-failure callers). */
  firstBad?: VerifyFailure;
}

/** Where to find the trust anchors. */
export interface VerifyOptions {
  /** The trusted Ed25519 public key (from the signing key, never from the database). */
  publicKey?: KeyObject | undefined;
  /** The witness directory (outside the database). */
  witnessDir?: string | undefined;
}

interface HeadCandidate {
  head: SignedTreeHead;
  source: AnchorReport['source'];
}

/**
 * Verifies the whole log in one sequential scan: every instance's chain (position, link, hash over
 * the stored bytes), gapless seq, the Merkle root at the size of every signed head found in the
 * witness directory and the database (signatures checked against the trusted key), the heads root
 * of the newest head, each instance's stored snapshot and each version's stored definition against
 * the hashes the entries commit to. Does not stop at the first bad entry: reports the first bad
 * entry of each instance.
 */
export function verify(db: HireflowDb, options: VerifyOptions = {}): VerifyResult {
  const failures: VerifyFailure[] = [];
  const { valid, invalid } = collectHeads(db, options);
  failures.push(...invalid);
  const bySize = new Map<number, HeadCandidate[]>();
  for (const candidate of valid)
    bySize.set(candidate.head.treeSize, [...(bySize.get(candidate.head.treeSize) ?? []), candidate]);
  const newest = valid.reduce<HeadCandidate | undefined>(
    (best, c) => (best === undefined || c.head.treeSize > best.head.treeSize ? c : best),
    undefined,
  );

  const tips = new Map<string, ChainTip>();
  const badInstances = new Set<string>();
  const definitions = new Map<string, Set<string>>();
  const frontier = new MerkleFrontier();
  let tailFrom: string | null = null;
  let tailTo: string | null = null;
  let seqBroken = false;
  const checkHeadsAt = (size: number) => {
    for (const { head, source } of bySize.get(size) ?? []) {
      if (frontier.root().toString('hex') !== head.rootHash)
        failures.push(
          logWide(
            'HEAD_ROOT_MISMATCH',
            `the first ${size} entries differ from the head signed at ${new Date(head.timestamp).toISOString()} (${source})`,
          ),
        );
      else if (head === newest?.head && headsRoot(tips) !== head.headsRoot)
        failures.push(
          logWide(
            'HEADS_ROOT_MISMATCH',
            `the instances' last entries at size ${size} differ from the signed head`,
          ),
        );
    }
  };
  checkHeadsAt(0);
  const rows = db.sqlite.prepare(`select ${ROW_COLUMNS} from audit_log order by seq`).raw();
  for (const raw of rows.iterate() as IterableIterator<RawAuditRow>) {
    const instanceId = raw[1];
    if (!seqBroken && raw[0] !== frontier.size + 1) {
      seqBroken = true;
      failures.push({
        instanceId,
        seq: raw[0],
        idx: raw[2],
        code: 'SEQ_GAP',
        reason: `expected seq ${frontier.size + 1}, found ${raw[0]}`,
      });
    }
    const tip = tips.get(instanceId);
    const checked = checkRow(raw, tip);
    let leafHex = raw[10];
    if ('hash' in checked) leafHex = checked.hash;
    else if (!badInstances.has(instanceId)) {
      badInstances.add(instanceId);
      failures.push({ instanceId, seq: raw[0], idx: raw[2], code: checked.code, reason: checked.reason });
    }
    // The stored hash keeps later links of a bad chain checkable; the leaf is what the bytes hash to.
    if (tip) {
      tip.idx = raw[2];
      tip.hash = raw[10];
      tip.snapshotHash = raw[8];
    } else tips.set(instanceId, { idx: raw[2], hash: raw[10], snapshotHash: raw[8] });
    frontier.push(Buffer.from(typeof leafHex === 'string' && leafHex.length === 64 ? leafHex : '00', 'hex'));
    const seen = definitions.get(raw[4]);
    if (seen) seen.add(String(raw[7]));
    else definitions.set(raw[4], new Set([String(raw[7])]));
    if (newest === undefined || frontier.size > newest.head.treeSize) {
      tailFrom ??= raw[5];
      tailTo = raw[5];
    }
    if (bySize.has(frontier.size)) checkHeadsAt(frontier.size);
  }
  const size = frontier.size;
  for (const { head, source } of valid) {
    if (head.treeSize > size)
      failures.push(
        logWide(
          'LOG_TRUNCATED',
          `the ${source} head signed at ${new Date(head.timestamp).toISOString()} covers ${head.treeSize} entries; the log holds ${size}`,
        ),
      );
  }
  failures.push(...checkSnapshots(db, tips), ...checkDefinitions(db, definitions));

  const anchoredSize = newest ? Math.min(newest.head.treeSize, size) : 0;
  const result: VerifyResult = {
    ok: failures.length === 0,
    entriesChecked: size,
    instancesChecked: tips.size,
    anchored: newest
      ? {
          treeSize: newest.head.treeSize,
          timestamp: newest.head.timestamp,
          source: newest.source,
          keyTrusted: options.publicKey !== undefined,
        }
      : null,
    tail: { count: size - anchoredSize, from: tailFrom, to: tailTo },
    headsChecked: valid.length,
    failures,
  };
  if (failures.length > 0) result.firstBad = failures[0];
  return result;
}

const logWide = (code: VerifyFailureCode, reason: string): VerifyFailure => ({
  instanceId: '',
  seq: null,
  idx: null,
  code,
  reason,
});

/** Heads from the witness and the database; those whose signature fails are findings, not anchors. */
function collectHeads(
  db: HireflowDb,
  options: VerifyOptions,
): { valid: HeadCandidate[]; invalid: VerifyFailure[] } {
  const candidates: HeadCandidate[] = [
    ...(options.witnessDir ? readWitnessHeads(options.witnessDir).heads : []).map((head) => ({
      head,
      source: 'witness' as const,
    })),
    ...listStoredHeads(db).map(({ head }) => ({ head, source: 'database' as const })),
  ];
  const valid: HeadCandidate[] = [];
  const invalid: VerifyFailure[] = [];
  for (const candidate of candidates) {
    const key = options.publicKey ?? embeddedKey(db, candidate.head);
    if (key && verifyTreeHeadSignature(candidate.head, key)) valid.push(candidate);
    else
      invalid.push(
        logWide(
          'HEAD_SIGNATURE_INVALID',
          `a ${candidate.source} head of size ${candidate.head.treeSize} is not signed by the trusted key`,
        ),
      );
  }
  return { valid, invalid };
}

function embeddedKey(db: HireflowDb, head: SignedTreeHead): KeyObject | undefined {
  return listStoredHeads(db).find((stored) => stored.head.keyId === head.keyId)?.publicKey;
}

function checkSnapshots(db: HireflowDb, tips: ReadonlyMap<string, ChainTip>): VerifyFailure[] {
  const failures: VerifyFailure[] = [];
  const rows = db.sqlite.prepare<[], { id: string; snapshot: string }>(
    'select id, snapshot from instances order by id',
  );
  for (const row of rows.iterate()) {
    const tip = tips.get(row.id);
    if (!tip) {
      failures.push({
        instanceId: row.id,
        seq: null,
        idx: null,
        code: 'INSTANCE_WITHOUT_LOG',
        reason: 'the instance has no audit entries',
      });
    } else if (tip.snapshotHash !== null && textHash(row.snapshot) !== tip.snapshotHash) {
      failures.push({
        instanceId: row.id,
        seq: null,
        idx: tip.idx,
        code: 'SNAPSHOT_MISMATCH',
        reason: `the stored snapshot differs from the one entry ${tip.idx} commits to`,
      });
    }
  }
  return failures;
}

function checkDefinitions(
  db: HireflowDb,
  committed: ReadonlyMap<string, ReadonlySet<string>>,
): VerifyFailure[] {
  const failures: VerifyFailure[] = [];
  const lookup = db.sqlite.prepare<[string], { definition: string }>(
    'select definition from versions where id = ?',
  );
  for (const [versionId, hashes] of committed) {
    const row = lookup.get(versionId);
    const actual = row ? textHash(row.definition) : 'null';
    for (const expected of hashes) {
      if (expected !== actual)
        failures.push({
          ...logWide(
            'DEFINITION_MISMATCH',
            `version ${versionId}: the stored definition differs from the one its entries commit to`,
          ),
        });
    }
  }
  return failures;
}

/**
 * Verifies one instance's chain, its snapshot and its versions' definitions, without scanning the
 * whole log (the Merkle anchoring needs the whole log: see {@link verify}).
 */
export function verifyInstance(db: HireflowDb, instanceId: string): VerifyResult {
  const failures: VerifyFailure[] = [];
  let tip: ChainTip | undefined;
  let count = 0;
  const definitions = new Map<string, Set<string>>();
  const rows = db.sqlite
    .prepare(`select ${ROW_COLUMNS} from audit_log where instance_id = ? order by idx`)
    .raw();
  for (const raw of rows.iterate(instanceId) as IterableIterator<RawAuditRow>) {
    const checked = checkRow(raw, tip);
    if (!('hash' in checked) && failures.length === 0)
      failures.push({ instanceId, seq: raw[0], idx: raw[2], code: checked.code, reason: checked.reason });
    tip = { idx: raw[2], hash: raw[10], snapshotHash: raw[8] };
    definitions.set(raw[4], new Set([...(definitions.get(raw[4]) ?? []), String(raw[7])]));
    count++;
  }
  const snapshot = db.sqlite
    .prepare<[string], { snapshot: string }>('select snapshot from instances where id = ?')
    .get(instanceId);
  if (tip === undefined)
    failures.push({
      instanceId,
      seq: null,
      idx: null,
      code: 'INSTANCE_WITHOUT_LOG',
      reason: 'the instance has no audit entries',
    });
  else if (snapshot && tip.snapshotHash !== null && textHash(snapshot.snapshot) !== tip.snapshotHash)
    failures.push({
      instanceId,
      seq: null,
      idx: tip.idx,
      code: 'SNAPSHOT_MISMATCH',
      reason: `the stored snapshot differs from the one entry ${tip.idx} commits to`,
    });
  failures.push(...checkDefinitions(db, definitions));
  const result: VerifyResult = {
    ok: failures.length === 0,
    entriesChecked: count,
    instancesChecked: 1,
    anchored: null,
    tail: { count, from: null, to: null },
    headsChecked: 0,
    failures,
  };
  if (failures.length > 0) result.firstBad = failures[0];
  return result;
}

/** The last appended audit sequence number (0 when the log is empty), e.g. for a live stream's cursor. */
export function latestAuditSeq(db: HireflowDb): number {
  const row = db.sqlite.prepare<[], { seq: number | null }>('select max(seq) as seq from audit_log').get();
  return row?.seq ?? 0;
}
