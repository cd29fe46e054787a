/** The whole drizzle schema, as drizzle-kit and `drizzle()` want it. */
export * from './audit.ts';
export * from './canonicalText.ts';
export * from './catalog.ts';
export * from './delivery.ts';
export * from './instances.ts';
export * from './privacy.ts';
