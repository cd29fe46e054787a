import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, createActor, type EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { definitionOf } from '../../test/machineWalk.ts';
import { readSampleSpec } from '../../test/specFiles.ts';
import { listStates, parseSpec } from '../model/index.ts';
import { createHireflowMachine } from './index.ts';

const sampleJson = readSampleSpec().json;
const definition = definitionOf(sampleJson);
const machine = createHireflowMachine(definition);
const at = '2026-03-02T15:00:00.000Z';

/** What people and timers can do to an instance of the sample, at a fixed time so paths are finite. */
const events: EventObject[] = [
  ...['ADVANCE', 'REJECT', 'WITHDRAW', 'ACCEPT', 'DECLINE', 'REOPEN_INTERVIEWS'].map((type) => ({
    type,
    at,
  })),
  {
    type: 'APPROVAL.DECIDE',
    at,
    actor: { id: 'maya', role: 'hiring_manager' },
    payload: { decision: 'approve' },
  },
  { type: 'APPROVAL.DECIDE', at, actor: { id: 'fiona', role: 'finance' }, payload: { decision: 'approve' } },
  { type: 'APPROVAL.DECIDE', at, actor: { id: 'fiona', role: 'finance' }, payload: { decision: 'reject' } },
  { type: 'xstate.after.timer:offer:expiry.offer', at },
] as EventObject[];

/** Shortest paths from a start context to every distinct state xstate can reach. */
const pathsFrom = (context: Record<string, unknown>) =>
  getShortestPaths(machine, { events, input: { context } });

const activeIds = (snapshot: AnyMachineSnapshot) =>
  snapshot._nodes.map((node) => node.id).filter((id) => id !== machine.id);

describe('xstate/graph path generation on the sample', () => {
  const referral = { candidate: { source: 'referral' }, compensation: { base: 150_000, bandMax: 120_000 } };
  const inbound = { candidate: { source: 'inbound' }, compensation: { base: 100_000, bandMax: 120_000 } };
  const starts = [referral, inbound].map((context) => ({ context, paths: pathsFrom(context) }));
  const paths = starts.flatMap((start) => start.paths);

  it('reaches every state of the spec (decisions are passed through, never rested in)', () => {
    const parsed = parseSpec(sampleJson);
    if (!parsed.ok) throw new Error('the sample must parse');
    const reached = new Set(paths.flatMap((path) => activeIds(path.state)));
    const located = listStates(parsed.spec);
    const resting = located.filter((l) => l.state.kind !== 'decision').map((l) => l.state.id);
    expect(resting.filter((id) => !reached.has(id))).toEqual([]);
    expect(located.filter((l) => l.state.kind === 'decision').map((l) => l.state.id)).toEqual([
      parsed.spec.initial,
    ]);
  });

  it('hires a referral above band in four steps: offer approval, manager, finance, acceptance', () => {
    const toHired = pathsFrom(referral).find((path) => activeIds(path.state).includes('hired'));
    expect(toHired?.steps.map((step) => step.event.type)).toEqual([
      'xstate.init',
      'ADVANCE',
      'APPROVAL.DECIDE',
      'APPROVAL.DECIDE',
      'ACCEPT',
    ]);
  });

  it('finds paths an actor replays to the same state', () => {
    for (const { context, paths } of starts) {
      for (const path of paths) {
        const actor = createActor(machine, { input: { context } });
        actor.start();
        for (const step of path.steps.slice(1)) actor.send(step.event);
        expect(actor.getSnapshot().value).toEqual(path.state.value);
        actor.stop();
      }
    }
  });
});
