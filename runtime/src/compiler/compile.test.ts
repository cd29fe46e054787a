import { describe, expect, it } from 'vitest';
import { readSampleSpec, readTemplateSpecs } from '../../test/specFiles.ts';
import { screenFlow, shuffleKeys } from '../../test/specs.ts';
import { canonicalJson, compile } from './index.ts';

const sample = readSampleSpec().json;

/** A seeded generator, so a failing shuffle can be reproduced. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('compile output', () => {
  it.each([readSampleSpec(), ...readTemplateSpecs()].map((file) => [file.name, file.json]))(
    'compiles %s without errors',
    (_name, json) => {
      const result = compile(json);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.definition).not.toBeNull();
    },
  );

  it('is byte-identical across runs', () => {
    const first = compile(sample);
    const second = compile(sample);
    expect(JSON.stringify(second.definition)).toBe(JSON.stringify(first.definition));
    expect(second.hash).toBe(first.hash);
  });

  it('is byte-identical whatever the key order of the input', () => {
    const reference = JSON.stringify(compile(sample).definition);
    for (let seed = 1; seed <= 20; seed++) {
      const shuffled = shuffleKeys(sample, seeded(seed));
      expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(sample));
      expect(JSON.stringify(compile(shuffled).definition)).toBe(reference);
    }
  });

  it('emits its definition with keys already in canonical order', () => {
    const { definition } = compile(sample);
    expect(JSON.stringify(definition)).toBe(canonicalJson(definition));
  });

  it('gives equal hashes for equal content, also when defaults are spelled out', () => {
    const withDefaults = { ...screenFlow(), tags: [], confidential: false, subjectType: 'application' };
    expect(compile(withDefaults).hash).toBe(compile(screenFlow()).hash);
    expect(compile(shuffleKeys(sample, seeded(7))).hash).toBe(compile(sample).hash);
  });

  it('gives a different hash when the content changes, even in a label', () => {
    const relabeled = { ...screenFlow(), name: 'Renamed flow' };
    expect(compile(relabeled).hash).not.toBe(compile(screenFlow()).hash);
    expect(compile(screenFlow()).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records the hash and the workflow id in the definition for the engine', () => {
    const result = compile(sample);
    expect(result.definition?.meta.hireflow).toMatchObject({
      workflowId: 'sample-hiring',
      hash: result.hash,
    });
  });

  it('has no hash and no definition when the spec does not parse', () => {
    expect(compile({ schemaVersion: 2 })).toMatchObject({ definition: null, hash: null, spec: null });
  });
});
