import { useState } from 'react';
import { api } from '../api/client.ts';
import type { FlowMarks } from '../flow/markFlow.ts';
import { EraseSubjectDialog } from './EraseSubjectDialog.tsx';
import { ReplayTimeline } from './ReplayTimeline.tsx';
import { useAsync } from './useAsync.ts';

/** Human time since a timestamp: "3 d", "5 h", "12 min". */
function since(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
  if (minutes >= 1440) return `${Math.floor(minutes / 1440)} d`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h`;
  return `${minutes} min`;
}

/** Instances of this workflow (state, time in state, overdue) and the replay of one of them. */
export function InstancesPanel(props: { workflowId: string; setMarks: (marks: FlowMarks) => void }) {
  const [state] = useAsync(() => api.listInstances({ workflowId: props.workflowId }), [props.workflowId]);
  const [open, setOpen] = useState<string | null>(null);
  const [erasing, setErasing] = useState(false);
  if (state.status === 'loading') return <p className="hf-muted">Loading instances…</p>;
  if (state.status === 'error') return <p className="hf-field__error">{state.message}</p>;
  if (open) {
    const subjectId = state.value.items.find((i) => i.id === open)?.subjectId;
    return (
      <div>
        <button type="button" className="hf-link" onClick={() => setOpen(null)}>
          ← All instances
        </button>
        <ReplayTimeline instanceId={open} setMarks={props.setMarks} />
        {subjectId && (
          <button
            type="button"
            className="hf-button hf-button--danger"
            onClick={() => setErasing(true)}
            data-testid="erase-subject"
          >
            Erase personal data…
          </button>
        )}
        {erasing && subjectId && (
          <EraseSubjectDialog subjectId={subjectId} onClose={() => setErasing(false)} />
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
            onClick={() => setOpen(i.id)}
            data-testid={`instance-${i.id}`}
          >
            <span>{i.overdue ? '⏰' : '•'}</span>
            <span>
              {i.subjectId} · v{i.version} · <strong>{i.state.join('/')}</strong> for {since(i.enteredAt)}{' '}
              {i.overdue && <span className="hf-badge hf-badge--warn">overdue</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
