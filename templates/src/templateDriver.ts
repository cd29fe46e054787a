import {
  compile,
  createHireflowMachine,
  type HireflowEvent,
  type MachineDefinition,
  stepNodeId,
  stepTimeoutDelay,
  timerDelay,
} from '@hireflow/runtime/compiler';
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { getTemplate, type TemplateId } from './index.ts';

/**
 * Test helper: drives a compiled template in stock xstate with its pure `transition`, keeping the
 * timers the machine armed the way the engine does (a timer can only fire while it is armed).
 * The durable engine's scenario tests (business calendar, audit) are written from scenarios.md.
 */
export interface TemplateDriver {
  definition: MachineDefinition;
  snapshot: AnyMachineSnapshot;
  /** Effects (notify, webhook, assignOwner, openTicket) of the last step, as `{ type, params }`. */
  effects: { type: string; params: Record<string, unknown> }[];
  /** Event ids of the timers currently armed. */
  armed: Set<string>;
  /** Timers the last step armed or canceled, in order: `arm:<id>` / `cancel:<id>`. */
  timerLog: string[];
  send(type: string, payload?: Record<string, unknown>, actor?: { id: string; role: string }): TemplateDriver;
  /** An approver's decision on the open step. */
  decide(stepId: string, role: string, decision?: 'approve' | 'reject', actorId?: string): TemplateDriver;
  /** Fires an armed timer of a state (`timerId`) or of an approval step (`stepId:timeout`). */
  fire(stateId: string, timerId: string): TemplateDriver;
}

const AT = '2026-03-02T10:00:00.000Z';
const EFFECTS = new Set([
  'hireflow.notify',
  'hireflow.webhook',
  'hireflow.assignOwner',
  'hireflow.openTicket',
]);

export function driveTemplate(id: TemplateId, context: Record<string, unknown> = {}): TemplateDriver {
  const { definition } = compile(getTemplate(id));
  if (!definition) throw new Error(`template ${id} does not compile`);
  const machine = createHireflowMachine(definition);
  const driver: TemplateDriver = {
    definition,
    snapshot: undefined as unknown as AnyMachineSnapshot,
    effects: [],
    armed: new Set(),
    timerLog: [],
    send(type, payload, actor = { id: 'ops-1', role: 'admin' }) {
      const event: HireflowEvent = { type, at: AT, actor, ...(payload ? { payload } : {}) };
      const [next, actions] = transition(machine, driver.snapshot, event);
      return record(next, actions);
    },
    decide(stepId, role, decision = 'approve', actorId = `${role}-1`) {
      return driver.send('APPROVAL.DECIDE', { stepId, decision }, { id: actorId, role });
    },
    fire(stateId, timerId) {
      const [stepId, timeout] = timerId.split(':');
      const type =
        timeout === 'timeout' && stepId
          ? `xstate.after.${stepTimeoutDelay(stateId, stepId)}.${stepNodeId(stateId, stepId)}`
          : `xstate.after.${timerDelay(stateId, timerId)}.${stateId}`;
      if (!driver.armed.has(type)) throw new Error(`timer ${type} is not armed`);
      driver.armed.delete(type);
      return driver.send(type);
    },
  };
  type Action = { type: string; params?: unknown };
  const record = (next: AnyMachineSnapshot, actions: readonly Action[]): TemplateDriver => {
    driver.snapshot = next;
    driver.effects = [];
    driver.timerLog = [];
    for (const action of actions) {
      const params = (action.params ?? {}) as Record<string, unknown>;
      if (action.type === 'xstate.raise' && typeof params.id === 'string') {
        driver.armed.add(params.id);
        driver.timerLog.push(`arm:${params.id}`);
      } else if (action.type === 'xstate.cancel' && typeof params.sendId === 'string') {
        driver.armed.delete(params.sendId);
        driver.timerLog.push(`cancel:${params.sendId}`);
      } else if (EFFECTS.has(action.type)) driver.effects.push({ type: action.type, params });
    }
    return driver;
  };
  const [initial, actions] = initialTransition(machine, { context });
  record(initial, actions);
  return driver;
}
