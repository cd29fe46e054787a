import { compile } from '@hireflow/runtime/compiler';
import { describe, expect, it } from 'vitest';
import { specToFlow } from '../flow/specToFlow.ts';
import { generateChainSpec } from './generateChainSpec.ts';

describe('generateChainSpec', () => {
  it('makes n states and n - 1 transitions that compile without errors', () => {
    const spec = generateChainSpec(625);
    const flow = specToFlow(spec);
    expect(flow.nodes).toHaveLength(625);
    expect(flow.edges).toHaveLength(624);
    expect(compile(spec).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('places every state on its own grid cell', () => {
    const spec = generateChainSpec(300);
    const cells = new Set(spec.states.map((s) => `${s.position?.x},${s.position?.y}`));
    expect(cells.size).toBe(300);
  });
});
