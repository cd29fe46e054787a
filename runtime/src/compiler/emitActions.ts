import type { ActionSpec } from '../model/index.ts';
import type { ImplementationRef } from './definitionTypes.ts';

/** Action names that produce outbox effects (delivered after commit, never during the transition). */
export const EFFECT_ACTIONS = new Set([
  'hireflow.notify',
  'hireflow.webhook',
  'hireflow.openTicket',
  'hireflow.assignOwner',
]);

/** A spec action as an implementation reference with JSON params. */
export function emitAction(action: ActionSpec): ImplementationRef {
  const { type, ...params } = action;
  return { type: `hireflow.${type}`, params };
}

/** Reassignment both changes `$owner` in the context (replayable) and notifies through the outbox. */
export const emitActions = (actions: readonly ActionSpec[]): ImplementationRef[] =>
  actions.flatMap((action) =>
    action.type === 'assignOwner'
      ? [{ type: 'hireflow.setOwner', params: { to: action.to } }, emitAction(action)]
      : [emitAction(action)],
  );

/** `#id`: targets are always by id, so nesting never changes them. */
export const targetOf = (id: string): string => `#${id}`;

/** Delay name of a state timer; the engine keys its durable timer rows by it. */
export const timerDelay = (stateId: string, timerId: string): string => `timer:${stateId}:${timerId}`;

/** Delay name of an approval step's timeout. */
export const stepTimeoutDelay = (stateId: string, stepId: string): string =>
  `timer:${stateId}:${stepId}:timeout`;

/** Node id of an approval step. */
export const stepNodeId = (stateId: string, stepId: string): string => `${stateId}:${stepId}`;
