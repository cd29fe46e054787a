import type { HireflowDb } from '../store/index.ts';
import type { AuditKey } from './auditKey.ts';
import { type ChainTip, checkRow, headsRoot, type RawAuditRow, ROW_COLUMNS } from './chainCheck.ts';
import { MerkleFrontier } from './merkle.ts';
import { listStoredHeads } from './proofs.ts';
import { type SignedTreeHead, signTreeHead, verifyTreeHeadSignature } from './treeHead.ts';
import { publishToWitness } from './witness.ts';

/** When heads are written: every `everyEntries` new entries or `everyMs`, whichever comes first. */
export interface AnchorSchedule {
  /** Default 1000 ms: the unanchored tail is at most about a second old. */
  everyMs?: number;
  /** Default 1000 entries. */
  everyEntries?: number;
  /** How often the log size is polled (default 200 ms). */
  pollMs?: number;
}

/** Signs tree heads over the audit log and publishes them to the witness directory. */
export interface AuditAnchor {
  /** Signs a head over the current log (when it grew since the last one, or `force`), stores and publishes it. */
  writeHead(options?: { force?: boolean }): SignedTreeHead | undefined;
  /** Starts the periodic schedule (unref'd timer). */
  start(schedule?: AnchorSchedule): void;
  /** Stops the schedule and writes a last head (shutdown). */
  stop(): void;
  readonly key: AuditKey;
  /** Where heads are published (outside the database). */
  readonly witnessDir: string;
}

const anchors = new WeakMap<HireflowDb, AuditAnchor>();

/** The anchor running for this database in this process, if any (exports write a fresh head with it). */
export function anchorFor(db: HireflowDb): AuditAnchor | undefined {
  return anchors.get(db);
}

/**
 * Creates the anchor for a database (and registers it for {@link anchorFor}). It keeps the Merkle frontier and every chain tip in memory and
 * reads only new entries per head; each new entry is re-checked (link and hash over its stored
 * bytes) before it is signed, so an entry edited in the seconds before its first head is refused,
 * not anchored.
 */
export function createAuditAnchor(options: {
  db: HireflowDb;
  key: AuditKey;
  witnessDir: string;
  now: () => number;
  onError?: (message: string) => void;
}): AuditAnchor {
  const { db, key, witnessDir, now } = options;
  const frontier = new MerkleFrontier();
  const tips = new Map<string, ChainTip>();
  let signedSize = -1;
  let lastAt = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const next = db.sqlite.prepare(`select ${ROW_COLUMNS} from audit_log where seq > ? order by seq`).raw();
  const insert = db.sqlite.prepare(
    `insert into tree_heads (tree_size, root_hash, heads_size, heads_root, timestamp, key_id, public_key, signature)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const size = db.sqlite.prepare<[], { n: number }>(
    `select coalesce((select seq from sqlite_sequence where name = 'audit_log'), 0) as n`,
  );

  // Entries under a head this key already signed are not re-checked at start (verify does that);
  // only newer ones are, so a restart over a large log stays cheap.
  const trusted = listStoredHeads(db)
    .filter(({ head }) => head.keyId === key.keyId && verifyTreeHeadSignature(head, key.publicKey))
    .reduce((size, { head }) => Math.max(size, head.treeSize), 0);

  function catchUp(): void {
    for (const raw of next.iterate(frontier.size) as IterableIterator<RawAuditRow>) {
      if (raw[0] !== frontier.size + 1) throw new Error(`audit: seq ${frontier.size + 1} is missing`);
      const tip = tips.get(raw[1]);
      const checked = raw[0] <= trusted ? { hash: raw[10] } : checkRow(raw, tip);
      if (!('hash' in checked))
        throw new Error(`audit: entry seq ${raw[0]} fails verification (${checked.code}); not signing`);
      frontier.push(Buffer.from(checked.hash, 'hex'));
      tips.set(raw[1], { idx: raw[2], hash: checked.hash, snapshotHash: raw[8] });
    }
  }

  function writeHead(opts: { force?: boolean } = {}): SignedTreeHead | undefined {
    catchUp();
    if (frontier.size === signedSize && !opts.force) return undefined;
    const head = signTreeHead(
      {
        treeSize: frontier.size,
        rootHash: frontier.root().toString('hex'),
        headsSize: tips.size,
        headsRoot: headsRoot(tips),
        timestamp: now(),
      },
      key,
    );
    insert.run(
      head.treeSize,
      head.rootHash,
      head.headsSize,
      head.headsRoot,
      head.timestamp,
      head.keyId,
      key.publicKeyBase64,
      head.signature,
    );
    publishToWitness(witnessDir, head, key.publicKeyBase64);
    signedSize = head.treeSize;
    lastAt = head.timestamp;
    return head;
  }

  let lastError: string | undefined;
  const guarded = (fn: () => void) => {
    try {
      fn();
      lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Reported once per distinct problem, not on every poll.
      if (message !== lastError) options.onError?.(message);
      lastError = message;
    }
  };

  const anchor: AuditAnchor = {
    key,
    witnessDir,
    writeHead,
    start(schedule = {}) {
      const everyMs = schedule.everyMs ?? 1000;
      const everyEntries = schedule.everyEntries ?? 1000;
      timer = setInterval(
        () =>
          guarded(() => {
            const pending = (size.get() as { n: number }).n - Math.max(signedSize, 0);
            if (pending <= 0) return;
            if (pending >= everyEntries || now() - lastAt >= everyMs) writeHead();
          }),
        schedule.pollMs ?? 200,
      );
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      guarded(() => writeHead());
    },
  };
  anchors.set(db, anchor);
  return anchor;
}
