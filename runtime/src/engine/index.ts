/** The durable engine: start instances, send events, fire timers, read instances. Node only. */

export { activeNodeIds, leafStateIds } from './activeNodes.ts';
export {
  auditActor,
  canSeeConfidential,
  canSeeInstance,
  canSeeUnit,
  type EngineActor,
  TIMER_ACTOR,
} from './actor.ts';
export { type Clock, ManualClock, SystemClock } from './clock.ts';
export type { StepSuccess } from './commitStep.ts';
export { loadVersion } from './definitions.ts';
export {
  createEngine,
  type Engine,
  type EngineOptions,
  type SendOptions,
  type StartInput,
  type StepResult,
} from './engine.ts';
export {
  type ErasureRequest,
  type ErasureResult,
  eraseSubjectData,
  scrubDatabaseFile,
} from './erasure.ts';
export { availableEvents, explainEvent } from './explain.ts';
export { createGroupCommitter, type GroupCommitter } from './groupCommit.ts';
export { type InstanceView, readInstance, readInstances, toInstanceView } from './instanceView.ts';
export { type MaintenanceOptions, startMaintenance } from './maintenance.ts';
export {
  applyMigration,
  invertStateMap,
  type MigrationItem,
  type MigrationRequest,
  planMigration,
} from './migration.ts';
export {
  type CohortStats,
  changeRouting,
  cohortStats,
  comparePilot,
  type Spread,
} from './pilotComparison.ts';
export { type PublishInput, type PublishResult, publishWorkflow } from './publish.ts';
export { EngineError, type Refusal, type RefusalCode } from './refusal.ts';
export { type ReplayMismatch, type ReplayResult, replay, type WhatIfStep, whatIf } from './replay.ts';
export { routeVersion, subjectBucket } from './routing.ts';
export { fireDueTimers, fireTimer, type SchedulerObserver, startScheduler } from './scheduler.ts';
export { type PersistedSnapshot, planEvent, planStart, type StepPlan } from './step.ts';
