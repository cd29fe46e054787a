import type { StateValue } from 'xstate';
import {
  approvalGuards,
  type HireflowContext,
  type HireflowEvent,
  type MachineDefinition,
  type TransitionMeta,
} from '../compiler/index.ts';
import { evaluateGuard } from '../expr/index.ts';
import { activeNodeIds } from './activeNodes.ts';
import { type Refusal, refuse } from './refusal.ts';

/** The transition the event will take, as the engine's pre-check found it. */
export interface Selected {
  ok: true;
  transition: TransitionMeta;
}

/** Events the instance accepts now, ignoring guards (for buttons and error messages). */
export function availableEvents(definition: MachineDefinition, value: StateValue): string[] {
  const events = new Set<string>();
  for (const id of activeNodeIds(definition, value)) {
    for (const t of definition.meta.hireflow.transitions[id] ?? []) events.add(t.event);
  }
  return [...events].sort();
}

type GuardOutcome = { pass: true } | { pass: false; error?: string; forbidden?: boolean };

function checkGuard(
  definition: MachineDefinition,
  t: TransitionMeta,
  context: HireflowContext,
  event: HireflowEvent,
): GuardOutcome {
  const guard = t.guard;
  if (!guard) return { pass: true };
  const params = (guard.params ?? {}) as never;
  if (guard.type === 'hireflow.cel') {
    const { expr } = guard.params as { expr: string };
    const verdict = evaluateGuard(expr, definition.meta.hireflow.contextSchema, {
      context,
      payload: event.payload,
      now: new Date(event.at ?? Date.now()),
    });
    if (!verdict.ok)
      return { pass: false, error: `the condition "${expr}" could not be evaluated: ${verdict.error}` };
    return verdict.value ? { pass: true } : { pass: false };
  }
  if (guard.type === 'hireflow.approval.canDecide') {
    return approvalGuards.canDecide(context, event, params)
      ? { pass: true }
      : { pass: false, forbidden: true };
  }
  return { pass: false, error: `unknown guard ${guard.type}` };
}

/**
 * Finds the transition xstate will take for `event` and, when there is none or it may not be taken,
 * says why in words for the person who sent it. Mirrors xstate's selection: deepest active node first,
 * transitions in document order, first guard that holds wins.
 */
export function explainEvent(
  definition: MachineDefinition,
  value: StateValue,
  context: HireflowContext,
  event: HireflowEvent,
  note: string | undefined,
): Selected | Refusal {
  const candidates: TransitionMeta[] = [];
  for (const id of activeNodeIds(definition, value)) {
    for (const t of definition.meta.hireflow.transitions[id] ?? [])
      if (t.event === event.type) candidates.push(t);
  }
  if (candidates.length === 0) {
    const available = availableEvents(definition, value).filter((e) => e !== 'UPDATE_CONTEXT');
    return refuse(
      'EVENT_NOT_ALLOWED',
      `${event.type} is not possible in the current state; possible now: ${available.join(', ') || 'nothing'}.`,
    );
  }
  let error: string | undefined;
  let forbidden = false;
  for (const candidate of candidates) {
    const outcome = checkGuard(definition, candidate, context, event);
    if (!outcome.pass) {
      error ??= outcome.error;
      forbidden ||= outcome.forbidden === true;
      continue;
    }
    const role = event.actor?.role ?? '';
    if (candidate.allowedRoles.length > 0 && !candidate.allowedRoles.includes(role)) {
      return refuse('FORBIDDEN', `Only ${candidate.allowedRoles.join(' or ')} may do ${event.type} here.`);
    }
    if (candidate.requiresNote && !note?.trim()) {
      return refuse(
        'NOTE_REQUIRED',
        `${event.type} needs a note (for example the reason or the justification).`,
      );
    }
    return { ok: true, transition: candidate };
  }
  if (forbidden)
    return refuse(
      'FORBIDDEN',
      'You are not an approver of the current approval step (or you already decided).',
    );
  if (error) return refuse('GUARD_ERROR', `${event.type} was denied because ${error}.`);
  return refuse('GUARD_FALSE', `${event.type} is not allowed for this instance: its condition is not met.`);
}
