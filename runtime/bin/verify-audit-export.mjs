#!/usr/bin/env node
// Offline verifier for Hireflow audit export bundles (docs/audit-format.md). Standalone on purpose:
// Node built-ins only, no import of Hireflow code, so an auditor can read all of it and run it anywhere.
//
//   node verify-audit-export.mjs <bundle.ndjson> [--key <public key: SPKI DER base64, or a PEM file>]
//
// Exit 0: the bundle verifies. Exit 1: it does not (the findings are printed). Exit 2: usage error.
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const GENESIS = '0'.repeat(64);

/** Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, JSON.stringify escaping. */
function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};
const leafHash = (text) => sha256(Buffer.from([0]), Buffer.from(text, 'utf8'));
const nodeHash = (left, right) => sha256(Buffer.from([1]), left, right);
const hex = (buffer) => buffer.toString('hex');

/** RFC 6962 Merkle Tree Hash over leaf hashes. */
function merkleRoot(leaves) {
  if (leaves.length === 0) return sha256(Buffer.alloc(0));
  let level = leaves;
  // Bottom-up pairing gives the RFC 6962 tree (an odd last node is promoted unchanged).
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

/** RFC 9162 section 2.1.3.2 inclusion proof verification. */
function verifyInclusion(leaf, index, size, path, root) {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

function publicKey(text) {
  const source = existsSync(text) ? readFileSync(text, 'utf8').trim() : text.trim();
  return source.includes('-----BEGIN')
    ? createPublicKey(source)
    : createPublicKey({ key: Buffer.from(source, 'base64'), format: 'der', type: 'spki' });
}

/** Verifies a bundle's text; returns { ok, findings, summary }. */
export function verifyBundle(ndjson, trustedKey) {
  const findings = [];
  const lines = ndjson.split('\n').filter((line) => line.trim() !== '');
  const parsed = lines.map((line, n) => {
    try {
      return JSON.parse(line);
    } catch {
      findings.push(`line ${n + 1}: not JSON`);
      return {};
    }
  });
  const header = parsed[0];
  if (header?.type !== 'hireflow-audit-export' || header.version !== 1)
    return { ok: false, findings: ['line 1 is not a hireflow-audit-export v1 header'], summary: {} };
  const { head } = header;
  if (!head) return { ok: false, findings: ['the bundle carries no signed tree head'], summary: {} };

  // 1. The signed head.
  const keyText = trustedKey ?? header.publicKey;
  if (!trustedKey) findings.push('warning: no --key given; the key embedded in the bundle was used');
  const key = publicKey(keyText);
  const der = key.export({ type: 'spki', format: 'der' });
  if (hex(sha256(der)) !== head.keyId) findings.push('the head names another signing key');
  const message = canonical({
    headsRoot: head.headsRoot,
    headsSize: head.headsSize,
    keyId: head.keyId,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    treeSize: head.treeSize,
    version: head.version,
  });
  if (!verifySignature(null, Buffer.from(message, 'utf8'), key, Buffer.from(head.signature, 'base64')))
    findings.push('the tree head signature does not verify');

  // 2. Every entry: its hash over its exact bytes, canonical form, chain links.
  const entries = parsed.filter((line) => line.type === 'entry');
  const tips = new Map();
  const leaves = [];
  for (const line of entries) {
    const leaf = leafHash(line.text);
    let entry;
    try {
      entry = JSON.parse(line.text);
    } catch {
      findings.push(`an entry text is not JSON (hash ${line.hash})`);
      continue;
    }
    const where = `seq ${entry.seq} (instance ${entry.instanceId}, idx ${entry.idx})`;
    if (hex(leaf) !== line.hash) findings.push(`${where}: hash does not match its text`);
    if (canonical(entry) !== line.text) findings.push(`${where}: text is not canonical JSON`);
    if (entry.seq < 1 || entry.seq > head.treeSize) findings.push(`${where}: outside the signed tree`);
    const tip = tips.get(entry.instanceId);
    if (entry.idx !== (tip ? tip.idx + 1 : 0))
      findings.push(`${where}: expected idx ${tip ? tip.idx + 1 : 0}`);
    if (entry.prevHash !== (tip ? tip.hash : GENESIS)) findings.push(`${where}: prevHash does not link`);
    tips.set(entry.instanceId, { idx: entry.idx, hash: line.hash });
    leaves.push(leaf);
    if (header.scope === 'instance') {
      if (entry.instanceId !== header.instanceId) findings.push(`${where}: belongs to another instance`);
      const path = (line.inclusion ?? []).map((p) => Buffer.from(p, 'hex'));
      if (!verifyInclusion(leaf, entry.seq - 1, head.treeSize, path, Buffer.from(head.rootHash, 'hex')))
        findings.push(`${where}: inclusion proof does not verify against the signed root`);
    } else if (entry.seq !== leaves.length) {
      findings.push(`${where}: expected seq ${leaves.length} (entries missing or reordered)`);
    }
  }

  // 3. Completeness.
  const headsLeaves = [...tips.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, tip]) => leafHash(JSON.stringify([id, tip.idx, tip.hash])));
  if (header.scope === 'all') {
    if (leaves.length !== head.treeSize)
      findings.push(`${leaves.length} entries, the head covers ${head.treeSize}`);
    if (hex(merkleRoot(leaves)) !== head.rootHash) findings.push('the entries do not give the signed root');
    if (hex(merkleRoot(headsLeaves)) !== head.headsRoot)
      findings.push("the chains' last entries do not give the signed heads root");
  } else {
    const proof = parsed.find((line) => line.type === 'chainHead');
    const tip = tips.get(header.instanceId);
    if (!proof) findings.push('no chainHead proof: completeness cannot be shown');
    else {
      if (!tip || proof.idx !== tip.idx || proof.hash !== tip.hash)
        findings.push(
          `the history ends at idx ${tip?.idx ?? 'none'}, the signed head says idx ${proof.idx}: entries are missing`,
        );
      const leaf = leafHash(JSON.stringify([header.instanceId, proof.idx, proof.hash]));
      const path = proof.path.map((p) => Buffer.from(p, 'hex'));
      if (!verifyInclusion(leaf, proof.leafIndex, head.headsSize, path, Buffer.from(head.headsRoot, 'hex')))
        findings.push('the chainHead proof does not verify against the signed heads root');
    }
  }
  const errors = findings.filter((f) => !f.startsWith('warning:'));
  return {
    ok: errors.length === 0,
    findings,
    summary: {
      scope: header.scope,
      instanceId: header.instanceId,
      entries: entries.length,
      treeSize: head.treeSize,
      signedAt: new Date(head.timestamp).toISOString(),
      keyTrusted: Boolean(trustedKey),
    },
  };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--key');
  const key = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const file = args.find((arg, i) => !arg.startsWith('--') && i !== keyAt + 1);
  if (!file) {
    process.stderr.write('usage: verify-audit-export.mjs <bundle.ndjson> [--key <public key>]\n');
    process.exit(2);
  }
  const result = verifyBundle(readFileSync(file, 'utf8'), key);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exit(result.ok ? 0 : 1);
}
