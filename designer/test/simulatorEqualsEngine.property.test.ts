import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compile,
  createEngine,
  createWorkflow,
  type EngineActor,
  fireDueTimers,
  listTimers,
  type MachineDefinition,
  ManualClock,
  nextTimerDueAt,
  openDatabase,
  readInstance,
} from '@hireflow/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceClock,
  currentStates,
  type Simulation,
  sendEvent,
  startSimulation,
} from '../src/simulate/simulator.ts';

/**
 * The simulator is the engine: random specs (guarded and unguarded transitions on shared events,
 * SLA timers, approval gates with any / all / quorum) and random event sequences (events by random
 * roles, approvals by random people, clock jumps) run through the durable engine on a temp SQLite file
 * and through the designer's simulator; after each step both agree on acceptance, states, context
 * and armed timers. Runs on Node (it needs the database); the simulator itself is browser-safe.
 */
const GUARDS = ['level > 3', 'urgent', '!urgent && level <= 2'];
const EVENTS = ['ADVANCE', 'REJECT', 'HOLD'];
const ROLES = ['recruiter', 'approver', 'hiring_manager'];
const START = Date.parse('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;

const specArbitrary = fc.integer({ min: 1, max: 4 }).chain((count) => {
  const chain = Array.from({ length: count }, (_, i) => `m${i}`);
  const target = fc.constantFrom(...chain, 'done', 'dropped', 'gate');
  const transition = fc.record({
    event: fc.constantFrom(...EVENTS),
    target,
    guard: fc.constantFrom(...GUARDS),
  });
  const state = fc.record({
    guarded: fc.uniqueArray(transition, { selector: (t) => `${t.event} ${t.guard}`, maxLength: 3 }),
    sla: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  });
  return fc
    .record({
      states: fc.array(state, { minLength: count, maxLength: count }),
      mode: fc.constantFrom('any', 'all', 'quorum'),
    })
    .map(({ states, mode }) => ({
      schemaVersion: 2,
      id: 'generated',
      name: 'Generated',
      context: { level: { type: 'int', default: 0 }, urgent: { type: 'bool', default: false } },
      initial: 'm0',
      states: [
        ...states.map((s, i) => ({
          id: `m${i}`,
          kind: 'milestone',
          // Guarded transitions first, then the unguarded fallback: every arrow can fire.
          on: [
            ...s.guarded.map((t, j) => ({ id: `m${i}-g${j}`, ...t })),
            { id: `m${i}-advance`, event: 'ADVANCE', target: chain[i + 1] ?? 'gate' },
          ],
          timers: s.sla
            ? // Escalating to the next state arms its timers from the firing time: order and time matter.
              [
                {
                  id: 'sla',
                  after: { amount: s.sla, unit: 'businessHours' },
                  target: chain[i + 1] ?? 'dropped',
                },
              ]
            : [],
        })),
        {
          id: 'gate',
          kind: 'approval',
          approval: {
            steps: [
              {
                id: 'review',
                approvers: [{ role: 'approver' }, { role: 'hiring_manager' }],
                mode,
                ...(mode === 'quorum' ? { quorum: 2 } : {}),
              },
            ],
            onApproved: 'done',
            onRejected: 'dropped',
            allowDelegation: true,
          },
        },
        { id: 'done', kind: 'final', outcome: 'hired' },
        { id: 'dropped', kind: 'final', outcome: 'rejected' },
      ],
    }));
});

type Command =
  | { kind: 'event'; type: string; role: string; person: number }
  | { kind: 'decide'; role: string; person: number; decision: 'approve' | 'reject' }
  | { kind: 'wait'; hours: number };

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('event' as const),
    type: fc.constantFrom(...EVENTS),
    role: fc.constantFrom(...ROLES),
    person: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('decide' as const),
    role: fc.constantFrom(...ROLES),
    person: fc.integer({ min: 1, max: 3 }),
    decision: fc.constantFrom('approve' as const, 'reject' as const),
  }),
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }),
);

const contextArbitrary = fc.record({ level: fc.integer({ min: 0, max: 6 }), urgent: fc.boolean() });

const actor = (role: string, person: number): EngineActor => ({
  id: `${role}-${person}`,
  role,
  via: 'api',
  businessUnits: ['eng'],
});
const ADMIN: EngineActor = { id: 'admin', role: 'admin', via: 'cli', businessUnits: '*' };

function runBoth(spec: unknown, context: Record<string, unknown>, commands: Command[]) {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-sim-'));
  const db = openDatabase(join(dir, 'hireflow.db'));
  try {
    const clock = new ManualClock(new Date(START).toISOString());
    const engine = createEngine({ db, clock, environment: 'test' });
    createWorkflow(db, {
      id: 'generated',
      name: 'Generated',
      businessUnit: 'eng',
      draftSpec: spec as never,
      now: START,
    });
    const published = engine.publish({ workflowId: 'generated', actor: ADMIN, changelog: 'v1' });
    if (published.kind === 'invalid') throw new Error(JSON.stringify(published.diagnostics));
    const started = engine.start({
      workflowId: 'generated',
      businessUnit: 'eng',
      subject: { kind: 'candidate' },
      context,
      actor: actor('recruiter', 1),
    });
    if (!started.ok) throw new Error(started.message);
    const id = started.instanceId;
    const definition = compile(spec).definition as MachineDefinition;
    let sim: Simulation = startSimulation(definition, context, START);

    const compare = (step: string) => {
      const view = readInstance(db, id, ADMIN, clock.now().getTime());
      if (!view) throw new Error('instance vanished');
      expect(currentStates(sim), step).toEqual(view.activeStates);
      expect(sim.snapshot.context, step).toEqual(view.context);
      const armed = listTimers(db, id)
        .filter((t) => t.status === 'armed')
        .map((t) => `${t.delayName}@${t.dueAt}`)
        .sort();
      expect(sim.timers.map((t) => `${t.delayName}@${t.dueAt}`).sort(), step).toEqual(armed);
    };
    compare('start');
    for (const [n, command] of commands.entries()) {
      const step = `#${n} ${JSON.stringify(command)}`;
      if (command.kind === 'wait') {
        const target = clock.now().getTime() + command.hours * HOUR;
        for (let i = 0; i < 100; i++) {
          const next = nextTimerDueAt(db);
          if (next === undefined || next > target) break;
          clock.set(new Date(Math.max(next, clock.now().getTime())));
          fireDueTimers(engine);
        }
        clock.set(new Date(target));
        sim = advanceClock(sim, target);
      } else {
        const who = actor(command.role, command.person);
        const event =
          command.kind === 'event'
            ? { type: command.type }
            : { type: 'APPROVAL.DECIDE', payload: { decision: command.decision } };
        const note = command.kind === 'decide' && command.decision === 'reject' ? 'no' : undefined;
        const result = engine.send(id, event, { actor: who, note });
        sim = sendEvent(sim, { ...event, actor: { id: who.id, role: who.role } }, note);
        const refusal = sim.log.at(-1)?.refusal;
        expect(refusal?.code, step).toBe(result.ok ? undefined : result.code);
      }
      compare(step);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('simulator = engine (property)', () => {
  it('agrees with the durable engine after every event on random specs and sequences', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        specArbitrary,
        contextArbitrary,
        fc.array(commandArbitrary, { maxLength: 12 }),
        (spec, context, commands) => runBoth(spec, context, commands),
      ),
      { numRuns: 40 },
    );
  });
});
