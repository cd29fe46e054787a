import { createHash } from 'node:crypto';
import { canonicalJson } from '../compiler/canonical.ts';
import type { ContextSchema } from '../model/index.ts';
import { isSealed, mapSealed } from './sealed.ts';
import type { SubjectVault } from './subjectVault.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Payload keys whose values are structure, not people's words: approval decisions and step ids,
 * the pseudonymous user a task is delegated to, version ids of migrations. Every other key of an
 * event payload (an approval `comment`, anything a custom event carries) is sealed, because nothing
 * declares it free of personal data. `patch` and `context` are sealed field by field per the schema.
 */
export const STRUCTURAL_PAYLOAD_KEYS: ReadonlySet<string> = new Set([
  'decision',
  'stepId',
  'to',
  'toVersionId',
  'fromVersionId',
  'subjectId',
]);

/** Seals the values of `pii` fields in a (nested or dotted-key) context object. */
function sealFields(value: Json, schema: ContextSchema, vault: SubjectVault, prefix = ''): Json {
  const out: Json = {};
  for (const [key, sub] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (schema[path]?.pii && sub !== null && sub !== undefined && !isSealed(sub)) out[key] = vault.seal(sub);
    else if (isObject(sub) && !isSealed(sub)) out[key] = sealFields(sub, schema, vault, path);
    else out[key] = sub;
  }
  return out;
}

/** `$approvals` records: decision comments are free text; re-opened watches may show pii before/after. */
function sealApprovals(value: unknown, schema: ContextSchema, vault: SubjectVault): unknown {
  if (Array.isArray(value)) return value.map((item) => sealApprovals(item, schema, vault));
  if (!isObject(value) || isSealed(value)) return value;
  const piiWatch = typeof value.field === 'string' && schema[value.field]?.pii === true;
  return Object.fromEntries(
    Object.entries(value).map(([key, sub]) => {
      if (key === 'comment' && typeof sub === 'string') return [key, vault.seal(sub)];
      if (piiWatch && (key === 'before' || key === 'after') && sub != null && !isSealed(sub))
        return [key, vault.seal(sub)];
      return [key, sealApprovals(sub, schema, vault)];
    }),
  );
}

/**
 * A context as stored (snapshot): `pii` fields and approval comments sealed, everything else as is.
 * The engine works on the opened context; only what is written goes through here.
 */
export function sealContext(context: Json, schema: ContextSchema, vault: SubjectVault): Json {
  const sealed = sealFields(context, schema, vault);
  if (context.$approvals !== undefined) sealed.$approvals = sealApprovals(context.$approvals, schema, vault);
  return sealed;
}

/** An event payload as recorded in the audit log (see {@link STRUCTURAL_PAYLOAD_KEYS}). */
export function sealPayload(payload: Json | undefined, schema: ContextSchema, vault: SubjectVault): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(payload ?? {})) {
    if ((key === 'patch' || key === 'context') && isObject(value))
      out[key] = sealFields(value, schema, vault);
    else if (STRUCTURAL_PAYLOAD_KEYS.has(key) && typeof value !== 'object') out[key] = value;
    else out[key] = vault.seal(value);
  }
  return out;
}

/**
 * Opens every sealed value in `value` with the vault; a value whose key is gone becomes
 * `onErased(sealedText)`.
 */
export function openSealed(
  value: unknown,
  vault: SubjectVault,
  onErased: (sealed: string) => unknown = () => null,
): unknown {
  return mapSealed(value, (sealed) => {
    const opened = vault.open(sealed);
    return opened ? opened.value : onErased(sealed);
  });
}

/** What an oversized payload is recorded as: its digest and size, never its bytes. */
export function payloadDigest(payload: unknown): { $digest: string; bytes: number } {
  const text = canonicalJson(payload ?? null);
  return {
    $digest: `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}
