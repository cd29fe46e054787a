import type { WorkflowSpec } from '@hireflow/runtime/model';
import { useEffect, useState } from 'react';
import type { InstanceSummary } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import type { ShownSpec } from '../editor/EditorPage.tsx';
import type { FlowMarks } from '../flow/markFlow.ts';
import { stateName } from '../spec/stateOptions.ts';
import { EraseSubjectDialog } from './EraseSubjectDialog.tsx';
import { ReplayTimeline } from './ReplayTimeline.tsx';
import { describeError, useAsync } from './useAsync.ts';

/** Human time since a timestamp: "3 d", "5 h", "12 min". */
function since(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
  if (minutes >= 1440) return `${Math.floor(minutes / 1440)} d`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h`;
  return `${minutes} min`;
}

/** Instances of this workflow (state, time in state, overdue) and the replay of one of them. */
export function InstancesPanel(props: {
  workflowId: string;
  setMarks: (marks: FlowMarks) => void;
  /** Draws the version the opened instance ran on the canvas (absent: marks go on the draft). */
  showSpec?: (shown: ShownSpec | null) => void;
  /** Names the states in the list (the draft's names; the replay uses the version's own). */
  spec?: WorkflowSpec;
}) {
  const [state] = useAsync(() => api.listInstances({ workflowId: props.workflowId }), [props.workflowId]);
  const [open, setOpen] = useState<InstanceSummary | null>(null);
  const [ran, setRan] = useState<WorkflowSpec | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [erasing, setErasing] = useState(false);
  const { showSpec, workflowId } = props;
  // The replay is drawn on the exact version that ran the instance, fetched by its number.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setRan(null);
    setError(null);
    api.getVersion(workflowId, open.version).then(
      ({ version }) => {
        if (!live) return;
        setRan(version.spec);
        showSpec?.({
          spec: version.spec,
          label: `v${open.version}, the version instance ${open.subjectId} ran`,
        });
      },
      (e) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
      showSpec?.(null);
    };
  }, [open, workflowId, showSpec]);
  if (state.status === 'loading') return <p className="hf-muted">Loading instances…</p>;
  if (state.status === 'error') return <p className="hf-field__error">{state.message}</p>;
  if (open) {
    return (
      <div>
        <button type="button" className="hf-link" onClick={() => setOpen(null)}>
          ← All instances
        </button>
        <p data-testid="replay-version">
          Replay on <strong>v{open.version}</strong>, the version this instance ran.
        </p>
        {error && <p className="hf-field__error">{error}</p>}
        {(ran || error) && (
          <ReplayTimeline instanceId={open.id} setMarks={props.setMarks} spec={ran ?? undefined} />
        )}
        {open.subjectId && (
          <button
            type="button"
            className="hf-button hf-button--danger"
            onClick={() => setErasing(true)}
            data-testid="erase-subject"
          >
            Erase personal data…
          </button>
        )}
        {erasing && open.subjectId && (
          <EraseSubjectDialog subjectId={open.subjectId} onClose={() => setErasing(false)} />
        )}
      </div>
    );
  }
  return (
    <ul className="hf-instances" data-testid="instance-list">
      {state.value.items.length === 0 && <li className="hf-muted">No instances yet.</li>}
      {state.value.items.map((i) => (
        <li key={i.id}>
          <button
            type="button"
            className="hf-diagnostic"
            onClick={() => setOpen(i)}
            data-testid={`instance-${i.id}`}
          >
            <span>{i.overdue ? '⏰' : '•'}</span>
            <span>
              {i.subjectId} · v{i.version} ·{' '}
              <strong>{i.state.map((s) => stateName(props.spec, s)).join(' / ')}</strong> for{' '}
              {since(i.enteredAt)} {i.overdue && <span className="hf-badge hf-badge--warn">overdue</span>}
            </span>
          </button>
          <a href={`#/instances/${encodeURIComponent(i.id)}`} className="hf-link">
            Open page
          </a>
        </li>
      ))}
    </ul>
  );
}
