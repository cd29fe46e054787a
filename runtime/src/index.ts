/**
 * @hireflow/runtime — Node entry. Re-exports the browser-safe parts (model, expressions, compiler,
 * calendar) and adds the store, the audit log and the durable engine.
 */
export * from './audit/index.ts';
export * from './calendar/index.ts';
export * from './compiler/index.ts';
export * from './engine/index.ts';
export * from './expr/index.ts';
export * from './model/index.ts';
export * from './outbox/index.ts';
export * from './privacy/index.ts';
export * from './sandbox/index.ts';
export * from './store/index.ts';
