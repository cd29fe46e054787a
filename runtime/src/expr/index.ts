/** CEL guard expressions: type-checking against the context schema and evaluation. Browser-safe. */
export { celEnvironmentFor, celVariableNames } from './celEnvironment.ts';
export { checkGuard, type GuardCheck, type GuardPosition } from './checkGuard.ts';
export { evaluateGuard, type GuardInput, type GuardVerdict, toCelValues } from './evaluateGuard.ts';
