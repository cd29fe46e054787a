/**
 * The compiler: WorkflowSpec → versioned, JSON-only XState v5 definition, with diagnostics for TA ops,
 * version diffs and the implementations that run a definition. Browser-safe.
 */
export type { AnalyzeOptions } from './analyze.ts';
export { approvalGuards, stepRecord } from './approvalActions.ts';
export {
  type Actor,
  type ApprovalDecision,
  eligibleAs,
  isStepApproved,
  isStepRejected,
  type StepRecord,
  type StepRule,
} from './approvalTally.ts';
export { canonicalize, canonicalJson, sha256Hex } from './canonical.ts';
export { type CompileResult, compile, specHash } from './compile.ts';
export { applyPatch, getPath, setPath } from './contextPaths.ts';
export type * from './definitionTypes.ts';
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, hasErrors } from './diagnostics.ts';
export { type DiffChange, type DiffEntry, type DiffKind, diff, type SpecDiff } from './diff.ts';
export { EFFECT_ACTIONS, stepNodeId, stepTimeoutDelay, timerDelay } from './emitActions.ts';
export { eventTime, type HireflowContext, type HireflowEvent } from './hireflowEvent.ts';
export {
  calendarFor,
  celGuard,
  createHireflowMachine,
  createImplementations,
  dueAtFrom,
  timerDueAt,
} from './machine.ts';
export { pureInitialTransition, pureTransition } from './pureTransition.ts';
export { type PublishOutcome, type PublishRequest, preparePublish, type WorkflowVersion } from './version.ts';
