import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../compiler/index.ts';
import { validateStartContext } from '../engine/validateInput.ts';
import { syntheticSubjects } from './syntheticSubjects.ts';

const spec = JSON.parse(readFileSync(new URL('../../samples/hiring.workflow.json', import.meta.url), 'utf8'));
const definition = compile(spec).definition;
const now = new Date('2026-03-02T10:00:00Z');

describe('syntheticSubjects', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticSubjects(spec.context, { seed: 7, count: 20, now })).toEqual(
      syntheticSubjects(spec.context, { seed: 7, count: 20, now }),
    );
    expect(syntheticSubjects(spec.context, { seed: 8, count: 20, now })).not.toEqual(
      syntheticSubjects(spec.context, { seed: 7, count: 20, now }),
    );
  });

  it('produces contexts the engine accepts, with realistic values', () => {
    if (!definition) throw new Error('sample does not compile');
    const subjects = syntheticSubjects(spec.context, { seed: 1, count: 200, now });
    for (const subject of subjects) expect(validateStartContext(definition, subject.context)).toBeUndefined();
    const sources = new Set(subjects.map((s) => (s.context.candidate as { source: string }).source));
    expect([...sources].sort()).toEqual(['agency', 'inbound', 'referral']);
    expect(subjects.every((s) => Number.isInteger(s.context.level) && (s.context.level as number) >= 1)).toBe(
      true,
    );
  });
});
