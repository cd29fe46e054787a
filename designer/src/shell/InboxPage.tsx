import { useState } from 'react';
import type { ApprovalTask } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { describeError, useAsync } from './useAsync.ts';

/** "role hrbp" or "user u-42", the way the task is addressed. */
const describeRecipient = (recipient: ApprovalTask['approver']) =>
  'role' in recipient ? `role ${recipient.role}` : `user ${recipient.user}`;

function TaskCard(props: { task: ApprovalTask; onDone: () => void }) {
  const { task } = props;
  const [comment, setComment] = useState('');
  const [delegateTo, setDelegateTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      props.onDone();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <li className="hf-card" data-testid={`task-${task.id}`}>
      <h2>Approval step {task.stepId}</h2>
      <p className="hf-muted">
        <a href={`#/instances/${encodeURIComponent(task.instanceId)}`}>Instance {task.instanceId}</a> · in{' '}
        {task.stateId} · for {describeRecipient(task.approver)}
        {task.createdAt && ` · since ${new Date(task.createdAt).toLocaleString()}`}
        {task.delegatedTo && ` · delegated to ${task.delegatedTo}`}
      </p>
      <div className="hf-field">
        <label htmlFor={`c-${task.id}`}>Comment</label>
        <input
          id={`c-${task.id}`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="task-comment"
        />
      </div>
      <div className="hf-row">
        <button
          type="button"
          className="hf-button hf-button--primary"
          onClick={() => void run(() => api.decide(task.id, 'approve', comment || undefined))}
          data-testid="task-approve"
        >
          Approve
        </button>
        <button
          type="button"
          className="hf-button hf-button--danger"
          onClick={() => void run(() => api.decide(task.id, 'reject', comment || undefined))}
          data-testid="task-reject"
        >
          Reject
        </button>
        <input
          aria-label="Delegate to (user id)"
          placeholder="user id"
          value={delegateTo}
          onChange={(e) => setDelegateTo(e.target.value)}
          data-testid="task-delegate-to"
        />
        <button
          type="button"
          className="hf-button"
          disabled={!delegateTo}
          onClick={() => void run(() => api.delegate(task.id, delegateTo, comment || undefined))}
          data-testid="task-delegate"
        >
          Delegate
        </button>
      </div>
      {error && (
        <p className="hf-field__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Pending approval tasks of the signed-in approver. */
export function InboxPage() {
  const [state, reload] = useAsync(() => api.approvalsInbox(), []);
  if (state.status === 'loading') return <p className="hf-page hf-muted">Loading your approvals…</p>;
  if (state.status === 'error') return <p className="hf-page hf-field__error">{state.message}</p>;
  return (
    <section className="hf-page" aria-labelledby="hf-inbox-title">
      <h1 id="hf-inbox-title">Approvals</h1>
      {state.value.items.length === 0 && <p className="hf-muted">Nothing waiting for you.</p>}
      <ul className="hf-gallery" data-testid="approvals-inbox">
        {state.value.items.map((task) => (
          <TaskCard key={task.id} task={task} onDone={reload} />
        ))}
      </ul>
    </section>
  );
}
