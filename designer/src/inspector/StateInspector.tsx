import { OUTCOMES, type StateSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import type { StatePatch } from '../commands/updateState.ts';
import type { StateOption } from '../spec/stateOptions.ts';
import { ApprovalStepsEditor } from './ApprovalStepsEditor.tsx';
import { CheckField, SelectField, TextField } from './fields.tsx';
import { TimerLadderEditor } from './TimerLadderEditor.tsx';

/** The form for one state: names, owner, lock, kind-specific settings and the SLA ladder. */
export function StateInspector(props: {
  spec: WorkflowSpec;
  state: StateSpec;
  stateIds: StateOption[];
  onPatch: (patch: StatePatch) => void;
  /** The Name field; a fresh state's first name also becomes its id. */
  onRename?: (label: string) => void;
  onSetInitial: () => void;
}) {
  const { state, onPatch, spec } = props;
  const lockedByTemplate = Boolean(spec.forkedFrom) && state.locked === true;
  return (
    <form className="hf-inspector__form" data-testid="state-inspector" onSubmit={(e) => e.preventDefault()}>
      <p className="hf-muted">
        {state.kind} {lockedByTemplate && '· locked by the template: it cannot be deleted'}
      </p>
      <TextField
        label="Name"
        value={state.label ?? ''}
        testId="state-label"
        onCommit={(label) =>
          props.onRename ? props.onRename(label) : onPatch({ label: label || undefined })
        }
      />
      <TextField label="Id" value={state.id} testId="state-id" onCommit={(id) => onPatch({ id })} />
      <TextField
        label="Description"
        multiline
        value={state.description ?? ''}
        onCommit={(description) => onPatch({ description: description || undefined })}
      />
      <TextField
        label="Owner role"
        value={state.owner ?? ''}
        placeholder="recruiter"
        onCommit={(owner) => onPatch({ owner: owner || undefined })}
      />
      <CheckField
        label="Locked compliance step"
        checked={state.locked === true}
        disabled={lockedByTemplate}
        testId="state-locked"
        onChange={(locked) => onPatch({ locked: locked || undefined })}
      />
      {spec.initial !== state.id && (
        <button type="button" className="hf-link" onClick={props.onSetInitial}>
          Make this the start state
        </button>
      )}
      {state.kind === 'final' && (
        <SelectField
          label="Outcome"
          value={state.outcome}
          options={OUTCOMES}
          testId="state-outcome"
          onChange={(outcome) => onPatch({ outcome })}
        />
      )}
      {state.kind === 'approval' && (
        <ApprovalStepsEditor approval={state.approval} onChange={(approval) => onPatch({ approval })} />
      )}
      {(state.kind === 'milestone' || state.kind === 'approval' || state.kind === 'parallel') && (
        <TimerLadderEditor
          timers={state.timers}
          stateIds={props.stateIds}
          onChange={(timers) => onPatch({ timers })}
        />
      )}
    </form>
  );
}
