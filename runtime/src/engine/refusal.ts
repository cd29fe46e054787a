/** Why the engine refused an event. Stable codes: the API and the audit log use them as is. */
export type RefusalCode =
  | 'EVENT_NOT_ALLOWED'
  | 'GUARD_FALSE'
  | 'GUARD_ERROR'
  | 'FORBIDDEN'
  | 'NOTE_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IDEMPOTENCY_MISMATCH'
  | 'INVALID_EVENT'
  | 'INSTANCE_DONE'
  | 'PAYLOAD_TOO_LARGE';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  /** The audit entry recording the refused attempt (absent when nothing was recorded, e.g. NOT_FOUND). */
  auditSeq?: number;
}

export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

/** An error thrown at the engine's boundary (bad input to start/publish), with a stable code. */
export class EngineError extends Error {
  constructor(
    readonly code: RefusalCode | 'SPEC_INVALID' | 'NO_VERSION',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }
}
