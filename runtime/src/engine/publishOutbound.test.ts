import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { NO_OUTBOUND_ALLOW, parseOutboundAllow } from '../outbox/outboundPolicy.ts';
import { listVersions, updateDraft } from '../store/index.ts';
import { createEngine } from './engine.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  const spec = structuredClone(SAMPLE_SPEC);
  spec.states[1].on.push({
    id: 'leak',
    event: 'SYNC',
    target: 'screen',
    actions: [{ type: 'webhook', url: 'https://169.254.169.254/latest/meta-data', event: 'sync' }],
  });
  updateDraft(h.db, 'sample-hiring', 0, { draftSpec: spec, now: 0 });
});
afterEach(() => h.close());

describe('publishing webhooks', () => {
  it('refuses an internal webhook URL, naming the field, and writes no version', () => {
    const engine = createEngine({ db: h.db, clock: h.clock, outboundAllow: NO_OUTBOUND_ALLOW });
    const result = engine.publish({ workflowId: 'sample-hiring', actor: actors.admin, changelog: 'sync' });
    expect(result).toEqual({
      kind: 'invalid',
      diagnostics: [
        expect.objectContaining({
          code: 'OUTBOUND_URL_REFUSED',
          severity: 'error',
          path: 'states[1].on[3].actions[0].url',
          message: expect.stringMatching(/169\.254\.169\.254 is an internal address \(link-local/),
        }),
      ],
    });
    expect(listVersions(h.db, 'sample-hiring')).toHaveLength(1);
  });

  it('publishes it when the address is on the allow-list', () => {
    const allow = parseOutboundAllow('169.254.169.254');
    const engine = createEngine({ db: h.db, clock: h.clock, outboundAllow: allow });
    expect(engine.publish({ workflowId: 'sample-hiring', actor: actors.admin, changelog: 'sync' }).kind).toBe(
      'published',
    );
  });
});
