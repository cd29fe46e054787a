import type { Diagnostic } from '@hireflow/runtime/compiler';
import { type StateSpec, SYSTEM_ROLES, type WorkflowSpec } from '@hireflow/runtime/model';
import type { TransitionPatch } from '../commands/updateTransition.ts';
import { GuardField } from '../monaco/GuardField.tsx';
import type { StateOption } from '../spec/stateOptions.ts';
import { CheckField, SelectField, TextField } from './fields.tsx';
import { TimerLadderEditor } from './TimerLadderEditor.tsx';
import { TransitionOrder } from './TransitionOrder.tsx';

/** Finds what an edge id stands for in its source state. */
function resolveEdge(state: StateSpec, edgeId: string) {
  if (state.kind === 'decision') {
    const branch = state.branches.find((b) => b.id === edgeId);
    return branch ? ({ role: 'branch', branch } as const) : undefined;
  }
  if (state.kind === 'final') return undefined;
  const transition = state.on.find((t) => t.id === edgeId);
  if (transition) return { role: 'transition', transition } as const;
  const timerId = edgeId.split(':timer:')[1];
  const index = state.timers.findIndex((t) => t.id === timerId);
  if (index >= 0) return { role: 'timer', index } as const;
  return undefined;
}

/** The form for the selected edge: event, guard, note, roles, regression flag; or its SLA rung. */
export function TransitionInspector(props: {
  spec: WorkflowSpec;
  state: StateSpec;
  edgeId: string;
  stateIds: StateOption[];
  diagnostics: Diagnostic[];
  onPatch: (patch: TransitionPatch) => void;
  onPatchState: (timers: StateSpec) => void;
}) {
  const { state, edgeId, onPatch } = props;
  const resolved = resolveEdge(state, edgeId);
  if (!resolved) {
    return (
      <p className="hf-muted">
        This edge is an outcome of “{state.label ?? state.id}”. Select the state to edit it.
      </p>
    );
  }
  if (resolved.role === 'timer' && state.kind !== 'decision' && state.kind !== 'final') {
    return (
      <TimerLadderEditor
        timers={state.timers.filter((_, i) => i === resolved.index)}
        stateIds={props.stateIds}
        onChange={([timer]) =>
          props.onPatchState({
            ...state,
            timers: timer
              ? state.timers.map((t, i) => (i === resolved.index ? timer : t))
              : state.timers.filter((_, i) => i !== resolved.index),
          })
        }
      />
    );
  }
  const item =
    resolved.role === 'branch'
      ? resolved.branch
      : resolved.role === 'transition'
        ? resolved.transition
        : undefined;
  if (!item) return null;
  return (
    <form
      className="hf-inspector__form"
      data-testid="transition-inspector"
      onSubmit={(e) => e.preventDefault()}
    >
      <p className="hf-muted">
        {resolved.role === 'branch' ? 'Decision branch' : 'Transition'} from “{state.label ?? state.id}”
      </p>
      <TransitionOrder
        state={state}
        transitionId={item.id}
        event={resolved.role === 'transition' ? resolved.transition.event : undefined}
        diagnostics={props.diagnostics}
        onChange={props.onPatchState}
      />
      {resolved.role === 'transition' && (
        <TextField
          label="Event"
          value={resolved.transition.event}
          testId="transition-event"
          onCommit={(event) => onPatch({ event })}
        />
      )}
      <TextField
        label="Label"
        value={item.label ?? ''}
        onCommit={(label) => onPatch({ label: label || undefined })}
      />
      <SelectField
        label="Goes to"
        value={item.target}
        options={props.stateIds}
        testId="transition-target"
        onChange={(target) => onPatch({ target })}
      />
      <GuardField
        label={resolved.role === 'branch' ? 'Condition (empty = otherwise)' : 'Only if (CEL guard)'}
        value={item.guard ?? ''}
        diagnostics={props.diagnostics}
        onCommit={(guard) => onPatch({ guard: guard || undefined })}
      />
      {resolved.role === 'transition' && (
        <>
          <CheckField
            label="Requires a note"
            checked={resolved.transition.requiresNote}
            testId="transition-requires-note"
            onChange={(requiresNote) => onPatch({ requiresNote })}
          />
          <CheckField
            label="Flag as regression (going backwards)"
            checked={resolved.transition.flag === 'regression'}
            onChange={(v) => onPatch({ flag: v ? 'regression' : undefined })}
          />
          <fieldset className="hf-roles">
            <legend>Allowed roles (none = anyone with access)</legend>
            {SYSTEM_ROLES.map((role) => (
              <CheckField
                key={role}
                label={role.replaceAll('_', ' ')}
                checked={resolved.transition.allowedRoles.includes(role)}
                testId={`allowed-role-${role}`}
                onChange={(on) =>
                  onPatch({
                    allowedRoles: on
                      ? [...resolved.transition.allowedRoles, role]
                      : resolved.transition.allowedRoles.filter((r) => r !== role),
                  })
                }
              />
            ))}
          </fieldset>
        </>
      )}
    </form>
  );
}
