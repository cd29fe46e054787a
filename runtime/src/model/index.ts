/**
 * The workflow model: what TA ops draw, as zod schemas that are also TypeScript types.
 * Browser-safe: no Node built-ins.
 */
export * from './actions.ts';
export * from './approval.ts';
export * from './calendar.ts';
export * from './context.ts';
export { ERASURE_REASONS, type ErasureReason } from './erasureReasons.ts';
export { migrateSpec, SPEC_MIGRATIONS, SpecMigrationError } from './migrations.ts';
export { formatPath, type ParseSpecResult, parseSpec, type SpecIssue } from './parseSpec.ts';
export * from './primitives.ts';
export * from './state.ts';
export * from './timer.ts';
export * from './transition.ts';
export { findState, type LocatedState, listStates } from './walk.ts';
export * from './workflowSpec.ts';
