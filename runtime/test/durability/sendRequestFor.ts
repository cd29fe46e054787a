import {
  activeNodeIds,
  availableEvents,
  type EngineActor,
  loadVersion,
  type SendOptions,
} from '../../src/engine/index.ts';
import { getInstance, type HireflowDb } from '../../src/store/index.ts';
import type { SendStep } from './eventPath.ts';
import { valueFor, type WorkflowProfile } from './workflowProfile.ts';

/** An event no workflow accepts: the path's way of asking for a refusal. */
export const NEVER_ACCEPTED = 'NUDGE';

/** A request exactly as a client sends it, kept so it can be repeated verbatim. */
export interface SendRequest {
  instanceId: string;
  event: { type: string; payload?: Record<string, unknown> };
  options: SendOptions;
}

type Definition = NonNullable<ReturnType<typeof loadVersion>>['definition'];

/** Events that keep the instance alive: transitions into non-final states and approval decisions. */
function forwardEvents(definition: Definition, active: string[]): string[] {
  const { transitions, outcomes } = definition.meta.hireflow;
  const events = new Set<string>();
  for (const id of active) {
    for (const t of transitions[id] ?? []) {
      if (
        t.event === 'APPROVAL.DECIDE' ||
        (t.target && !(t.target in outcomes) && !t.event.startsWith('APPROVAL.'))
      )
        events.add(t.event);
    }
  }
  return [...events].sort();
}

/** Actors named by the open approval chains' steps (by role or by user id). */
function approversOf(definition: Definition, active: string[], actors: EngineActor[]): EngineActor[] {
  const { approvals } = definition.meta.hireflow;
  const named = active.flatMap((id) => approvals[id]?.steps.flatMap((step) => step.approvers) ?? []);
  return actors.filter((actor) =>
    named.some((r) => ('role' in r ? r.role === actor.role : r.user === actor.id)),
  );
}

/**
 * Turns a send step into a request against the instance's current state. A forward step picks among
 * events that keep the instance going and lets an approver decide, so paths reach approval chains,
 * re-approvals and timers; the others pick among every accepted event plus one never accepted.
 */
export function sendRequestFor(
  db: HireflowDb,
  profile: WorkflowProfile,
  ids: string[],
  step: SendStep,
  position: number,
): SendRequest {
  const instanceId = ids[step.instance % ids.length] as string;
  const row = getInstance(db, instanceId);
  const definition = row ? loadVersion(db, row.versionId)?.definition : undefined;
  const value = row?.snapshot.value as never;
  const active = definition ? activeNodeIds(definition, value) : [];
  const forward = step.forward && definition ? forwardEvents(definition, active) : [];
  const events =
    forward.length > 0
      ? forward
      : [...(definition ? availableEvents(definition, value) : []), NEVER_ACCEPTED];
  const type = events[step.pick % events.length] as string;
  const approvers =
    forward.length > 0 && type === 'APPROVAL.DECIDE' && definition
      ? approversOf(definition, active, profile.actors)
      : [];
  const pool = approvers.length > 0 ? approvers : profile.actors;
  const actor = pool[step.actor % pool.length] as EngineActor;
  const field = profile.fields[step.field % Math.max(1, profile.fields.length)];
  const payload: Record<string, unknown> =
    type === 'APPROVAL.DECIDE'
      ? { decision: step.decision, comment: `${step.decision} at step ${position}` }
      : type === 'APPROVAL.DELEGATE'
        ? { to: (profile.actors[(step.actor + 1) % profile.actors.length] as EngineActor).id }
        : type === 'UPDATE_CONTEXT' && field
          ? { patch: { [field[0]]: valueFor(field[1], step.seed) } }
          : {};
  return {
    instanceId,
    event: { type, payload },
    options: {
      actor,
      idempotencyKey: step.keyed ? `k${position}` : undefined,
      note: step.note ? `reason given at step ${position}` : undefined,
    },
  };
}
