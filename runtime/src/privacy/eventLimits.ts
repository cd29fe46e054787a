import { canonicalJson } from '../compiler/canonical.ts';
import { type Refusal, refuse } from '../engine/refusal.ts';

/** Per-event size limits: they bound what one accepted or refused event can add to the log. */
export interface EventLimits {
  /** UTF-8 bytes of the canonical JSON payload (or start context). */
  payloadBytes: number;
  /** UTF-16 code units of the note, as the API counts string length. */
  noteChars: number;
}

/** The defaults documented in docs/runtime.md: 16 KiB of payload, 4,000 characters of note. */
export const DEFAULT_EVENT_LIMITS: EventLimits = { payloadBytes: 16 * 1024, noteChars: 4000 };

/** Refuses (`PAYLOAD_TOO_LARGE`, naming the field) a payload or note over the limits. */
export function checkEventSize(
  payload: unknown,
  note: string | undefined,
  limits: EventLimits = DEFAULT_EVENT_LIMITS,
  field = 'payload',
): Refusal | undefined {
  if (note !== undefined && note.length > limits.noteChars)
    return refuse('PAYLOAD_TOO_LARGE', `note: ${note.length} characters; the limit is ${limits.noteChars}.`);
  if (payload === undefined) return undefined;
  const bytes = Buffer.byteLength(canonicalJson(payload), 'utf8');
  if (bytes > limits.payloadBytes)
    return refuse('PAYLOAD_TOO_LARGE', `${field}: ${bytes} bytes; the limit is ${limits.payloadBytes}.`);
  return undefined;
}
