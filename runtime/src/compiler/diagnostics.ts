/** Stable codes of compiler diagnostics (one test each). */
export const DIAGNOSTIC_CODES = [
  'SPEC_INVALID',
  'DUPLICATE_ID',
  'UNKNOWN_TARGET',
  'UNKNOWN_INITIAL',
  'UNREACHABLE_STATE',
  'NO_PATH_TO_FINAL',
  'AMBIGUOUS_TRANSITION',
  'GUARD_SYNTAX',
  'GUARD_TYPE',
  'TIMER_WITHOUT_TARGET',
  'APPROVAL_WITHOUT_APPROVERS',
  'QUORUM_UNREACHABLE',
  'UNKNOWN_FIELD',
  'DECISION_WITHOUT_DEFAULT',
  'LOCKED_STATE_REMOVED',
  'REAPPROVAL_FROM_FINAL',
  'RESERVED_EVENT',
  'OUTBOUND_URL_REFUSED',
  'GUARD_TOO_COSTLY',
  'TRANSITION_SHADOWED',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A finding about a spec, worded for a TA ops admin. Errors block publishing; warnings do not. */
export interface Diagnostic {
  /** JSON path into the spec, e.g. `states[2].on[0].guard`. */
  path: string;
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  message: string;
  /** Id of the state (and transition) concerned, so the designer can select it. */
  stateId?: string | undefined;
  transitionId?: string | undefined;
  /** For guard problems: offsets into the expression. */
  position?: { start: number; end: number } | undefined;
  /** For TRANSITION_SHADOWED: the id of the earlier transition that is always taken first. */
  shadowedBy?: string | undefined;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((diagnostic) => diagnostic.severity === 'error');
