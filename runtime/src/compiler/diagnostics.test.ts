import { describe, expect, it } from 'vitest';
import { type StateInput, screenFlow, workflow } from '../../test/specs.ts';
import { parseSpec, type WorkflowSpec } from '../model/index.ts';
import { NO_OUTBOUND_ALLOW, parseOutboundAllow } from '../outbox/outboundPolicy.ts';
import { type AnalyzeOptions, compile, DIAGNOSTIC_CODES, type DiagnosticCode } from './index.ts';

const webhookTo = (url: string) => ({ type: 'webhook', url, event: 'candidate.hired' });

const hired: StateInput = { id: 'hired', kind: 'final', outcome: 'hired' };
const rejected: StateInput = { id: 'rejected', kind: 'final', outcome: 'rejected' };

/** An offer approval with one step, going to hired / rejected. */
const offerApproval = (
  step: Record<string, unknown>,
  approval: Record<string, unknown> = {},
): StateInput => ({
  id: 'offer_approval',
  kind: 'approval',
  approval: { steps: [{ id: 'manager', ...step }], onApproved: 'hired', onRejected: 'rejected', ...approval },
});

/** A screen milestone whose only change is the given transitions and timers. */
const screen = (extra: Record<string, unknown>): StateInput => ({
  id: 'screen',
  kind: 'milestone',
  ...extra,
  on: [{ id: 'hire', event: 'HIRE', target: 'hired' }, ...((extra.on as unknown[]) ?? [])],
});

const parsed = (input: unknown): WorkflowSpec => {
  const result = parseSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
};

interface Case {
  spec: unknown;
  options?: AnalyzeOptions;
}

/** For each code, the smallest spec that triggers it and nothing else. */
const cases: Record<DiagnosticCode, () => Case> = {
  SPEC_INVALID: () => ({ spec: { ...screenFlow(), initial: 'Not An Id' } }),
  DUPLICATE_ID: () => ({
    spec: workflow([screen({ on: [{ id: 'hire', event: 'REJECT', target: 'rejected' }] }), hired, rejected]),
  }),
  UNKNOWN_TARGET: () => ({
    spec: workflow([screen({ on: [{ id: 'to-limbo', event: 'PARK', target: 'nowhere' }] }), hired]),
  }),
  UNKNOWN_INITIAL: () => ({
    // The initial is a state nested in a track: it exists, but a workflow must start at the top level.
    spec: workflow(
      [
        {
          id: 'checks',
          kind: 'parallel',
          onDone: 'hired',
          on: [{ id: 'restart', event: 'RESTART', target: 'checks' }],
          regions: [
            {
              id: 'references',
              initial: 'references_done',
              states: [{ id: 'references_done', kind: 'final', outcome: 'completed' }],
            },
            {
              id: 'background',
              initial: 'background_done',
              states: [{ id: 'background_done', kind: 'final', outcome: 'completed' }],
            },
          ],
        },
        hired,
      ],
      { initial: 'references_done' },
    ),
  }),
  UNREACHABLE_STATE: () => ({
    spec: workflow([
      screen({}),
      { id: 'orphan', kind: 'milestone', on: [{ id: 'o', event: 'HIRE', target: 'hired' }] },
      hired,
    ]),
  }),
  NO_PATH_TO_FINAL: () => ({
    spec: workflow([
      screen({ on: [{ id: 'park', event: 'PARK', target: 'limbo' }] }),
      { id: 'limbo', kind: 'milestone' },
      hired,
    ]),
  }),
  AMBIGUOUS_TRANSITION: () => ({
    spec: workflow([
      screen({ on: [{ id: 'hire-again', event: 'HIRE', target: 'rejected' }] }),
      hired,
      rejected,
    ]),
  }),
  TRANSITION_SHADOWED: () => ({
    spec: workflow(
      [
        screen({ on: [{ id: 'hire-senior', event: 'HIRE', target: 'rejected', guard: 'level > 3' }] }),
        hired,
        rejected,
      ],
      { context: { level: { type: 'int' } } },
    ),
  }),
  GUARD_SYNTAX: () => ({
    spec: workflow(
      [screen({ on: [{ id: 'senior', event: 'FAST', target: 'hired', guard: 'level >' }] }), hired],
      {
        context: { level: { type: 'int' } },
      },
    ),
  }),
  GUARD_TYPE: () => ({
    spec: workflow(
      [screen({ on: [{ id: 'senior', event: 'FAST', target: 'hired', guard: 'level == "senior"' }] }), hired],
      { context: { level: { type: 'int' } } },
    ),
  }),
  TIMER_WITHOUT_TARGET: () => ({
    spec: workflow([screen({ timers: [{ id: 'idle', after: { amount: 3, unit: 'businessDays' } }] }), hired]),
  }),
  APPROVAL_WITHOUT_APPROVERS: () => ({
    spec: workflow([offerApproval({ approvers: [] }), hired, rejected]),
  }),
  QUORUM_UNREACHABLE: () => ({
    spec: workflow([
      offerApproval({ approvers: [{ user: 'ana' }, { user: 'bo' }], mode: 'quorum', quorum: 3 }),
      hired,
      rejected,
    ]),
  }),
  UNKNOWN_FIELD: () => ({
    spec: workflow([
      screen({ entry: [{ type: 'setField', field: 'offer.sentAt', valueFrom: 'now' }] }),
      hired,
    ]),
  }),
  DECISION_WITHOUT_DEFAULT: () => ({
    spec: workflow(
      [
        {
          id: 'applied',
          kind: 'decision',
          branches: [{ id: 'internal', target: 'hired', guard: 'isInternalTransfer' }],
        },
        hired,
      ],
      { context: { isInternalTransfer: { type: 'bool' } } },
    ),
  }),
  LOCKED_STATE_REMOVED: () => {
    const upstream = parsed(
      workflow([
        screen({ on: [{ id: 'check', event: 'CHECK', target: 'background_check' }] }),
        {
          id: 'background_check',
          kind: 'milestone',
          locked: true,
          on: [{ id: 'clear', event: 'CLEAR', target: 'hired' }],
        },
        hired,
      ]),
    );
    return { spec: workflow([screen({}), hired]), options: { upstream } };
  },
  REAPPROVAL_FROM_FINAL: () => ({
    spec: workflow(
      [
        offerApproval(
          { approvers: [{ role: 'hrbp' }], watches: ['compensation.base'] },
          { reapprovalFrom: ['hired'] },
        ),
        hired,
        rejected,
      ],
      { context: { 'compensation.base': { type: 'double' } } },
    ),
  }),
  RESERVED_EVENT: () => ({
    spec: workflow([
      screen({ on: [{ id: 'edit', event: 'UPDATE_CONTEXT', target: 'rejected' }] }),
      hired,
      rejected,
    ]),
  }),
  OUTBOUND_URL_REFUSED: () => ({
    spec: workflow([screen({ entry: [webhookTo('https://169.254.169.254/latest/meta-data')] }), hired]),
    options: { outboundAllow: NO_OUTBOUND_ALLOW },
  }),
  GUARD_TOO_COSTLY: () => ({
    spec: workflow(
      [
        screen({
          on: [
            {
              id: 'match',
              event: 'MATCH',
              target: 'hired',
              guard: 'tags.all(a, tags.all(b, tags.all(c, a != c)))',
            },
          ],
        }),
        hired,
      ],
      { context: { tags: { type: 'string[]' } } },
    ),
  }),
};

describe('compile diagnostics', () => {
  it.each(DIAGNOSTIC_CODES)('reports %s, and only it, for the smallest spec that has the problem', (code) => {
    const { spec, options } = cases[code]();
    const { diagnostics } = compile(spec, options);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set([code]));
    for (const diagnostic of diagnostics) {
      expect(diagnostic.path).not.toBe('');
      expect(diagnostic.message.length).toBeGreaterThan(10);
    }
  });

  it('compiles the base flows of these cases without any diagnostic', () => {
    expect(compile(screenFlow()).diagnostics).toEqual([]);
    expect(compile(workflow([screen({}), hired])).diagnostics).toEqual([]);
  });

  it.each(['GUARD_SYNTAX', 'GUARD_TYPE'] as const)('locates a %s inside the expression', (code) => {
    const [diagnostic] = compile(cases[code]().spec).diagnostics;
    expect(diagnostic).toMatchObject({
      code,
      path: 'states[0].on[1].guard',
      stateId: 'screen',
      transitionId: 'senior',
      position: { start: expect.any(Number), end: expect.any(Number) },
    });
    const { start, end } = diagnostic?.position ?? { start: -1, end: -1 };
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThanOrEqual(start);
  });

  it('flags a state inside a track that can neither finish its track nor leave the parallel state', () => {
    const spec = workflow([
      {
        id: 'checks',
        kind: 'parallel',
        onDone: 'hired',
        regions: [
          {
            id: 'references',
            initial: 'calling',
            states: [
              { id: 'calling', kind: 'milestone', on: [{ id: 'call', event: 'CALLED', target: 'waiting' }] },
              { id: 'waiting', kind: 'milestone' },
              { id: 'references_done', kind: 'final', outcome: 'completed' },
            ],
          },
          {
            id: 'background',
            initial: 'background_done',
            states: [{ id: 'background_done', kind: 'final', outcome: 'completed' }],
          },
        ],
      },
      hired,
    ]);
    const found = compile(spec).diagnostics.map((d) => `${d.code} ${d.stateId}`);
    expect(found).toEqual([
      'NO_PATH_TO_FINAL calling',
      'NO_PATH_TO_FINAL waiting',
      'UNREACHABLE_STATE references_done',
    ]);
  });

  it('lets a state inside a track finish by leaving through the parallel state', () => {
    const spec = workflow([
      {
        id: 'checks',
        kind: 'parallel',
        onDone: 'hired',
        on: [{ id: 'abort', event: 'WITHDRAW', target: 'withdrawn' }],
        regions: [
          {
            id: 'references',
            initial: 'waiting',
            states: [
              {
                id: 'waiting',
                kind: 'milestone',
                on: [{ id: 'ok', event: 'OK', target: 'references_done' }],
              },
              { id: 'references_done', kind: 'final', outcome: 'completed' },
            ],
          },
          {
            id: 'background',
            initial: 'stalled',
            states: [
              { id: 'stalled', kind: 'milestone' },
              { id: 'background_done', kind: 'final', outcome: 'completed' },
            ],
          },
        ],
      },
      hired,
      { id: 'withdrawn', kind: 'final', outcome: 'withdrawn' },
    ]);
    const found = compile(spec).diagnostics.map((d) => `${d.code} ${d.stateId}`);
    expect(found).toEqual(['UNREACHABLE_STATE background_done']);
  });

  it('checks webhook URLs anywhere in the spec against the allow-list, only when one is given', () => {
    const spec = workflow([
      screen({
        on: [{ id: 'ping', event: 'PING', target: 'screen', actions: [webhookTo('http://10.0.0.7/hook')] }],
        timers: [
          { id: 'nudge', after: { amount: 2, unit: 'days' }, actions: [webhookTo('https://[::1]/x')] },
        ],
      }),
      hired,
    ]);
    expect(compile(spec).diagnostics).toEqual([]);
    expect(compile(spec, { outboundAllow: NO_OUTBOUND_ALLOW }).diagnostics).toEqual([
      expect.objectContaining({
        path: 'states[0].on[1].actions[0].url',
        stateId: 'screen',
        message: expect.stringMatching(/use https/),
      }),
      expect.objectContaining({
        path: 'states[0].timers[0].actions[0].url',
        message: expect.stringMatching(/loopback/),
      }),
    ]);
    const allow = parseOutboundAllow('10.0.0.0/8,::1');
    expect(compile(spec, { outboundAllow: allow }).diagnostics).toEqual([]);
  });

  it('points at the exact field of a schema error', () => {
    expect(compile(cases.SPEC_INVALID().spec).diagnostics).toEqual([
      { path: 'initial', severity: 'error', code: 'SPEC_INVALID', message: expect.any(String) },
    ]);
  });

  it.each(DIAGNOSTIC_CODES)('blocks the definition only when %s is an error', (code) => {
    const { spec, options } = cases[code]();
    const result = compile(spec, options);
    const isError = result.diagnostics.some((d) => d.severity === 'error');
    if (isError) expect(result.definition).toBeNull();
    else expect(result.definition).not.toBeNull();
  });

  it('treats unreachable states, decisions without default and re-approval from a final as warnings', () => {
    const warnings = DIAGNOSTIC_CODES.filter((code) => {
      const { spec, options } = cases[code]();
      return compile(spec, options).diagnostics.every((d) => d.severity === 'warning');
    });
    expect(warnings).toEqual(['UNREACHABLE_STATE', 'DECISION_WITHOUT_DEFAULT', 'REAPPROVAL_FROM_FINAL']);
  });
});
