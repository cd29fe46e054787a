/** Stable codes of refused requests (docs/api.md), each answered with one HTTP status. */
export const PROBLEM_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REVISION_CONFLICT: 409,
  IN_FLIGHT: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  SPEC_INVALID: 422,
  PUBLISH_BLOCKED: 422,
  LOCKED_STATE: 422,
  EVENT_NOT_ALLOWED: 422,
  GUARD_FALSE: 422,
  GUARD_ERROR: 422,
  NOTE_REQUIRED: 422,
  IDEMPOTENCY_MISMATCH: 422,
  INSTANCE_DONE: 422,
  INVALID_EVENT: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

/** One of {@link PROBLEM_STATUS}'s codes. */
export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** A field-level error inside a problem: `path` as in `states[2].on[0].target`. */
export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Partial<Record<ProblemCode, string>> = {
  BAD_REQUEST: 'The request is malformed',
  UNAUTHENTICATED: 'Sign in first',
  FORBIDDEN: 'You are not allowed to do this',
  CSRF: 'Missing or wrong CSRF token',
  NOT_FOUND: 'Not found',
  REVISION_CONFLICT: 'Someone saved this draft in the meantime',
  IN_FLIGHT: 'The same request is still being processed',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  VALIDATION: 'The request is invalid',
  SPEC_INVALID: 'The workflow spec is invalid',
  PUBLISH_BLOCKED: 'The draft has errors that block publishing',
  LOCKED_STATE: 'A locked state cannot be removed',
  IDEMPOTENCY_MISMATCH: 'This Idempotency-Key was used with a different body',
  RATE_LIMITED: 'Too many requests',
  EVENT_NOT_ALLOWED: 'This event is not possible in the current state',
  GUARD_FALSE: 'The condition of this transition is not met',
  GUARD_ERROR: 'The condition of this transition could not be evaluated',
  NOTE_REQUIRED: 'This transition needs a note',
  INVALID_EVENT: 'The event or its data is invalid',
  INSTANCE_DONE: 'This instance has already ended',
  CONFLICT: 'The instance changed meanwhile; try again',
  INTERNAL: 'Something went wrong on our side',
};

/**
 * A refusal the server answers as RFC 9457 problem+json. Thrown from handlers and middleware and
 * turned into a response by the app's single `onError`; `extra` adds members (e.g. `current`).
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ProblemCode,
    detail?: string,
    options: {
      errors?: FieldError[];
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(detail ?? TITLES[code] ?? code, { cause: options.cause });
    this.code = code;
    this.status = PROBLEM_STATUS[code];
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }

  /** The problem+json body. */
  toJSON(): Record<string, unknown> {
    return {
      type: `https://hireflow.dev/problems/${this.code.toLowerCase().replaceAll('_', '-')}`,
      title: TITLES[this.code] ?? this.code,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}
