import { compile, type MachineDefinition } from '@hireflow/runtime/compiler';
import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../spec/sampleSpec.ts';
import {
  activeStateIds,
  advanceClock,
  candidateEvents,
  canSend,
  sendEvent,
  startSimulation,
} from './simulator.ts';

const definition = compile(sampleSpec()).definition as MachineDefinition;
// Monday 2 March 2026, 09:00 UTC: business time starts counting at once.
const MONDAY = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 24 * 3600 * 1000;

describe('simulator', () => {
  it('starts in the initial state with its SLA timers armed', () => {
    const sim = startSimulation(definition, {}, MONDAY);
    expect(activeStateIds(sim.snapshot.value)).toEqual(['screen']);
    expect(sim.timers.map((t) => t.id)).toEqual([
      'xstate.after.timer:screen:remind.screen',
      'xstate.after.timer:screen:escalate.screen',
    ]);
  });

  it('follows a guarded decision and enters the approval chain', () => {
    const sim = sendEvent(startSimulation(definition, { offer: { base: 150000 } }, MONDAY), {
      type: 'ADVANCE',
    });
    expect(activeStateIds(sim.snapshot.value)).toContain('offer_approval');
    expect(sim.timers).toEqual([]);
    expect(sim.log.at(-1)).toMatchObject({ event: 'ADVANCE', from: ['screen'] });
  });

  it('lists the events of the active states and whether they would be taken', () => {
    const sim = startSimulation(definition, {}, MONDAY);
    expect(candidateEvents(sim).map((c) => c.transition.event)).toContain('ADVANCE');
    expect(canSend(sim, { type: 'ADVANCE' })).toBe(true);
    expect(canSend(sim, { type: 'CLEAR' })).toBe(false);
  });

  it('fires the reminder after 3 business days and escalates to rejected after 5', () => {
    const start = startSimulation(definition, {}, MONDAY);
    const thursday = advanceClock(start, MONDAY + 3 * DAY + 1000);
    expect(activeStateIds(thursday.snapshot.value)).toEqual(['screen']);
    expect(thursday.log.at(-1)?.effects).toContain('notify');
    // Five business days from Monday 09:00 is the next Monday 09:00 (the weekend does not count).
    const friday = advanceClock(start, MONDAY + 4 * DAY + 8 * 3600 * 1000);
    expect(activeStateIds(friday.snapshot.value)).toEqual(['screen']);
    const nextMonday = advanceClock(friday, MONDAY + 7 * DAY + 1000);
    expect(activeStateIds(nextMonday.snapshot.value)).toEqual(['rejected']);
  });
});
