import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, migrateSpec, parseSpec, SpecMigrationError } from './index.ts';

/** A spec as schema version 1 stored it: states keyed by id, also inside parallel tracks. */
const version1 = {
  schemaVersion: 1,
  id: 'legacy-hiring',
  name: 'Legacy hiring',
  initial: 'screen',
  states: {
    screen: { kind: 'milestone', on: [{ id: 'advance', event: 'ADVANCE', target: 'checks' }] },
    checks: {
      kind: 'parallel',
      onDone: 'hired',
      regions: [
        {
          id: 'references',
          initial: 'calling',
          states: { calling: { kind: 'final', outcome: 'completed' } },
        },
        { id: 'background', initial: 'vendor', states: { vendor: { kind: 'final', outcome: 'completed' } } },
      ],
    },
    hired: { kind: 'final', outcome: 'hired' },
  },
};

describe('migrateSpec', () => {
  it('turns version 1 states keyed by id into an ordered array with ids, tracks included', () => {
    const migrated = migrateSpec(version1, 2) as { schemaVersion: number; states: unknown[] };
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.states).toEqual([
      { id: 'screen', kind: 'milestone', on: [{ id: 'advance', event: 'ADVANCE', target: 'checks' }] },
      {
        id: 'checks',
        kind: 'parallel',
        onDone: 'hired',
        regions: [
          {
            id: 'references',
            initial: 'calling',
            states: [{ id: 'calling', kind: 'final', outcome: 'completed' }],
          },
          {
            id: 'background',
            initial: 'vendor',
            states: [{ id: 'vendor', kind: 'final', outcome: 'completed' }],
          },
        ],
      },
      { id: 'hired', kind: 'final', outcome: 'hired' },
    ]);
  });

  it('treats a spec without schemaVersion as version 1', () => {
    const { schemaVersion: _, ...unversioned } = version1;
    expect(migrateSpec(unversioned, 2)).toEqual(migrateSpec(version1, 2));
  });

  it('leaves a current spec untouched', () => {
    const current = { ...version1, schemaVersion: CURRENT_SCHEMA_VERSION, states: [] };
    expect(migrateSpec(current, CURRENT_SCHEMA_VERSION)).toBe(current);
  });

  it('refuses a spec saved by a newer Hireflow, naming both versions', () => {
    expect(() => migrateSpec({ ...version1, schemaVersion: 99 }, 2)).toThrow(SpecMigrationError);
    expect(() => migrateSpec({ ...version1, schemaVersion: 99 }, 2)).toThrow(
      'This workflow was saved by a newer Hireflow (schema 99); this one reads up to 2.',
    );
  });
});

describe('parseSpec with stored versions', () => {
  it('opens a version 1 spec as a current one', () => {
    const result = parseSpec(version1);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.spec.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.spec.states.map((state) => state.id)).toEqual(['screen', 'checks', 'hired']);
  });

  it('reports a newer schema version as an issue at schemaVersion instead of throwing', () => {
    const result = parseSpec({ ...version1, schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'schemaVersion', message: expect.stringContaining('newer Hireflow') }],
    });
  });
});
