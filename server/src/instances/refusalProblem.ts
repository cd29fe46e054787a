import { type ProblemCode, ProblemError } from '../http/ProblemError.ts';
import type { RefusalCode } from '../runtime.ts';

const CODES: Record<RefusalCode, ProblemCode> = {
  EVENT_NOT_ALLOWED: 'EVENT_NOT_ALLOWED',
  GUARD_FALSE: 'GUARD_FALSE',
  GUARD_ERROR: 'GUARD_ERROR',
  FORBIDDEN: 'FORBIDDEN',
  NOTE_REQUIRED: 'NOTE_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  IDEMPOTENCY_MISMATCH: 'IDEMPOTENCY_MISMATCH',
  INVALID_EVENT: 'INVALID_EVENT',
  INSTANCE_DONE: 'INSTANCE_DONE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** The problem for an engine refusal: same stable code, the engine's words, the audit seq if any. */
export function refusalProblem(refusal: {
  code: RefusalCode;
  message: string;
  auditSeq?: number;
}): ProblemError {
  const extra = refusal.auditSeq === undefined ? undefined : { auditSeq: refusal.auditSeq };
  return new ProblemError(CODES[refusal.code], refusal.message, extra ? { extra } : {});
}
