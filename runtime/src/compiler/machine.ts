import { type AnyStateMachine, assign, setup } from 'xstate';
import { type BusinessCalendar, createBusinessCalendar } from '../calendar/index.ts';
import { evaluateGuard } from '../expr/index.ts';
import type { CalendarSpec, Recipient } from '../model/index.ts';
import {
  approvalGuards,
  approvalUpdates,
  type RuleRef,
  type StepRef,
  type WatchRef,
} from './approvalActions.ts';
import { applyPatch, deepMerge, getPath, setPath } from './contextPaths.ts';
import type { MachineDefinition } from './definitionTypes.ts';
import { EFFECT_ACTIONS } from './emitActions.ts';
import { eventTime, type HireflowContext, type HireflowEvent } from './hireflowEvent.ts';

type Args = { context: HireflowContext; event: HireflowEvent };

/** Evaluates a `hireflow.cel` guard; an evaluation error counts as false (the engine reports why). */
export function celGuard(
  definition: MachineDefinition,
  { context, event }: Args,
  params: { expr: string; negate?: boolean },
): boolean {
  const verdict = evaluateGuard(params.expr, definition.meta.hireflow.contextSchema, {
    context,
    payload: event.payload,
    now: eventTime(event),
  });
  if (!verdict.ok) return false;
  return params.negate ? !verdict.value : verdict.value;
}

const calendars = new WeakMap<object, BusinessCalendar>();

/** One business calendar per calendar spec object: loading holiday rules is costly. */
export function calendarFor(spec: CalendarSpec): BusinessCalendar {
  let calendar = calendars.get(spec);
  if (!calendar) {
    calendar = createBusinessCalendar(spec);
    calendars.set(spec, calendar);
  }
  return calendar;
}

/**
 * Due time of a timer in business time: counted from its `from` timestamp field when it names one
 * (offer expiry), else from `start` (the time the state was entered). One rule for the engine's
 * durable timers and for in-memory runs.
 */
export function dueAtFrom(
  definition: MachineDefinition,
  delay: string,
  context: HireflowContext,
  start: Date,
): Date {
  const meta = definition.meta.hireflow;
  const timer = meta.timers[delay];
  if (!timer) return start;
  const fromValue = timer.from ? getPath(context, timer.from) : undefined;
  const base =
    typeof fromValue === 'string' && !Number.isNaN(Date.parse(fromValue)) ? new Date(fromValue) : start;
  return calendarFor(meta.calendar).addDuration(base, timer.after);
}

/** Due time of a timer started by `event` (in-memory runs such as the simulator). */
export function timerDueAt(
  definition: MachineDefinition,
  delay: string,
  context: HireflowContext,
  event: HireflowEvent,
): Date {
  return dueAtFrom(definition, delay, context, eventTime(event));
}

/**
 * The guard, action and delay implementations a compiled definition refers to by name.
 * `setup(createImplementations(definition)).createMachine(definition)` runs it in stock xstate.
 */
export function createImplementations(definition: MachineDefinition) {
  const effects = Object.fromEntries([...EFFECT_ACTIONS].map((name) => [name, () => {}]));
  const delays = Object.fromEntries(
    Object.keys(definition.meta.hireflow.timers).map((delay) => [
      delay,
      ({ context, event }: Args) =>
        Math.max(0, timerDueAt(definition, delay, context, event).getTime() - eventTime(event).getTime()),
    ]),
  );
  return {
    guards: {
      'hireflow.cel': (args: Args, params: { expr: string; negate?: boolean }) =>
        celGuard(definition, args, params),
      'hireflow.approval.isSettled': ({ context }: Args, params: StepRef) =>
        approvalGuards.isSettled(context, params),
      'hireflow.approval.isApproved': ({ context }: Args, params: RuleRef) =>
        approvalGuards.isApproved(context, params),
      'hireflow.approval.isRejected': ({ context }: Args, params: RuleRef) =>
        approvalGuards.isRejected(context, params),
      'hireflow.approval.canDecide': ({ context, event }: Args, params: RuleRef) =>
        approvalGuards.canDecide(context, event, params),
      'hireflow.approval.watchedChanged': ({ context, event }: Args, params: WatchRef) =>
        approvalGuards.watchedChanged(context, event, params),
    },
    actions: {
      ...effects,
      'hireflow.setField': assign(
        ({ context, event }: Args, params: { field: string; value?: unknown; valueFrom?: string }) => {
          let value = params.value ?? null;
          if (params.valueFrom === 'now') value = eventTime(event).toISOString();
          else if (params.valueFrom?.startsWith('event.'))
            value = getPath(event.payload, params.valueFrom.slice(6)) ?? null;
          return setPath(context, params.field, value);
        },
      ),
      'hireflow.setOwner': assign((_: Args, params: { to: Recipient }) => ({ $owner: params.to })),
      'hireflow.mergeContext': assign(({ context, event }: Args) =>
        applyPatch(context, (event.payload?.patch ?? {}) as Record<string, unknown>),
      ),
      'hireflow.approval.reset': assign(({ context }: Args, p: { state: string }) => ({
        $approvals: approvalUpdates.reset(context, p),
      })),
      'hireflow.approval.skip': assign(({ context }: Args, p: StepRef) => ({
        $approvals: approvalUpdates.skip(context, p),
      })),
      'hireflow.approval.approve': assign(({ context }: Args, p: StepRef) => ({
        $approvals: approvalUpdates.approve(context, p),
      })),
      'hireflow.approval.reject': assign(({ context }: Args, p: StepRef) => ({
        $approvals: approvalUpdates.reject(context, p),
      })),
      'hireflow.approval.record': assign(({ context, event }: Args, p: RuleRef) => ({
        $approvals: approvalUpdates.record(context, event, p),
      })),
      'hireflow.approval.delegate': assign(({ context, event }: Args, p: RuleRef) => ({
        $approvals: approvalUpdates.delegate(context, event, p),
      })),
      'hireflow.approval.reopen': assign(({ context, event }: Args, p: WatchRef) => ({
        $approvals: approvalUpdates.reopen(context, event, p),
      })),
      'hireflow.approval.override': assign(({ context }: Args, p: { state: string }) => ({
        $approvals: approvalUpdates.override(context, p),
      })),
    },
    delays,
  };
}

const machines = new WeakMap<MachineDefinition, AnyStateMachine>();

/**
 * A stock xstate machine for a compiled definition; the start context is `input.context` merged over
 * the schema defaults. Cached per definition object.
 */
export function createHireflowMachine(definition: MachineDefinition): AnyStateMachine {
  const cached = machines.get(definition);
  if (cached) return cached;
  const implementations = createImplementations(definition);
  // The config is JSON; xstate's types cannot follow names resolved at run time, hence the casts.
  const config = {
    ...definition,
    context: ({ input }: { input?: { context?: Record<string, unknown> } }) =>
      deepMerge(definition.context, input?.context ?? {}),
  };
  const machine = (setup as (i: unknown) => { createMachine: (c: unknown) => AnyStateMachine })(
    implementations,
  ).createMachine(config);
  machines.set(definition, machine);
  return machine;
}
