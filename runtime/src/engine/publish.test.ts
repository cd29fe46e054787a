import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { getWorkflow, setRouting } from '../store/index.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const id = String(SAMPLE_SPEC.id);
const publishV2 = (makeDefault?: boolean) =>
  h.engine.publish({
    workflowId: id,
    spec: { ...SAMPLE_SPEC, description: 'v2' },
    actor: actors.admin,
    changelog: 'v2',
    makeDefault,
  });
const routing = () => getWorkflow(h.db, id)?.routing;

describe('publishWorkflow routing', () => {
  it('keeps the default on the first version unless asked to make the new one the default', () => {
    const v2 = publishV2();
    expect(v2.kind).toBe('published');
    expect(routing()?.defaultVersion).toBe(h.versionId);
  });

  it('makes the new version the default in the same step, ending a pilot on it', () => {
    const v2 = publishV2();
    if (v2.kind === 'invalid') return expect.fail('v2 should publish');
    setRouting(
      h.db,
      id,
      { defaultVersion: h.versionId, pilot: { versionId: v2.version.id, percentage: 10 } },
      0,
    );
    const again = publishV2(true);
    expect(again.kind).toBe('unchanged');
    expect(routing()).toEqual({ defaultVersion: v2.version.id });
  });
});
