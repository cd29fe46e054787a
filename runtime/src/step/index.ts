/**
 * The engine's pure step, browser-safe: the engine (over SQLite), the designer's simulator and the
 * template test driver all run events through these same functions. No database, no Node built-ins
 * (Biome's noRestrictedImports enforces it for these files).
 *
 * @example
 * const start = planStart(definition, { level: 4 }, new Date('2026-03-02T09:00:00Z'));
 * const next = planEvent(definition, start.snapshot, { type: 'ADVANCE', actor, at }, undefined);
 * if (next.ok) console.log(next.to, next.effects, next.arm);
 */
export { activeNodeIds, leafStateIds } from '../engine/activeNodes.ts';
export { contextPatch } from '../engine/contextPatch.ts';
export { availableEvents, explainEvent, type Selected } from '../engine/explain.ts';
export type { Refusal, RefusalCode } from '../engine/refusal.ts';
export { type PersistedSnapshot, planEvent, planStart, type StepPlan } from '../engine/step.ts';
export { type Effect, type TimerArm, type Translated, translateActions } from '../engine/translate.ts';
