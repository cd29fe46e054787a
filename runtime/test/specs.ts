import type { WorkflowSpecInput } from '../src/model/index.ts';

/** A state as a test writes it: JSON with defaults left out (the schema checks the rest). */
export interface StateInput {
  id: string;
  kind: string;
  [key: string]: unknown;
}

/**
 * A minimal valid workflow around `states` (the first one is initial unless `initial` is given), so
 * each test shows only what it is about.
 */
export function workflow(
  states: StateInput[],
  extra: Partial<Omit<WorkflowSpecInput, 'states'>> = {},
): WorkflowSpecInput {
  const first = states[0];
  if (!first) throw new Error('a test workflow needs a state');
  return {
    schemaVersion: 2,
    id: 'test-flow',
    name: 'Test flow',
    initial: first.id,
    ...extra,
    states,
  };
}

/** `screen --ADVANCE--> hired`, `screen --REJECT--> rejected`: the smallest useful hiring flow. */
export function screenFlow(extra: Partial<Omit<WorkflowSpecInput, 'states'>> = {}): WorkflowSpecInput {
  return workflow(
    [
      {
        id: 'screen',
        kind: 'milestone',
        on: [
          { id: 'advance', event: 'ADVANCE', target: 'hired' },
          { id: 'reject', event: 'REJECT', target: 'rejected' },
        ],
      },
      { id: 'hired', kind: 'final', outcome: 'hired' },
      { id: 'rejected', kind: 'final', outcome: 'rejected' },
    ],
    extra,
  );
}

/** Recursively rebuilds every object of a JSON value with its keys in a shuffled order. */
export function shuffleKeys<T>(value: T, random: () => number = Math.random): T {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffleKeys(item, random)])) as T;
}
