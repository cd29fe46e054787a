import type { components } from './generated/openapi.ts';

/** Shapes of docs/api.md "Sandboxes, pilots and migrations", derived from the OpenAPI document. */
type Schemas = components['schemas'];

export type Sandbox = Schemas['Sandbox'];
export type Routing = Schemas['Routing'];
export type Pilot = NonNullable<Routing['pilot']>;
export type MigrationItem = Schemas['MigrationItem'];
export type DurationUnit = 'businessDays' | 'businessHours' | 'days' | 'hours' | 'minutes';
export interface MigrationRequest {
  from: number;
  to: number;
  stateMap?: Record<string, string>;
  instanceIds?: string[];
}
export type {
  CapturedEffect,
  CohortStats,
  PilotComparison,
  SandboxAuditEntry,
  SandboxPublication,
  Spread,
  SyntheticResult,
} from './uncoveredTypes.ts';
