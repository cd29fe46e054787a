import { useRef, useState } from 'react';
import type { Role } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';

const ROLES: Role[] = ['recruiter', 'hiring_manager', 'hrbp', 'approver', 'admin'];

/** A short text for a captured effect: its message when it has one. */
function describeEffect(payload: unknown): string {
  const message = (payload as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : JSON.stringify(payload).slice(0, 120);
}

/** What happened in a sandbox: its instances (with an event sender) and the effects it captured. */
export function SandboxActivity(props: { name: string; refreshKey: string; onChanged: () => void }) {
  const [state] = useAsync(
    () => Promise.all([api.sandboxInstances(props.name), api.sandboxEffects(props.name)]),
    [props.name, props.refreshKey],
  );
  const [instanceId, setInstanceId] = useState('');
  const [eventType, setEventType] = useState('ADVANCE');
  const [actAs, setActAs] = useState<Role>('recruiter');
  const [hint, setHint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Keep showing the last answer while a refresh runs (no flicker after every click).
  const shown = useRef<typeof state & { status: 'ok' }>(null);
  if (state.status === 'ok') shown.current = state;
  if (state.status === 'error') return <p className="hf-field__error">{state.message}</p>;
  if (!shown.current) return <p className="hf-muted">Loading the sandbox…</p>;
  const [instances, effects] = shown.current.value;
  const target = instanceId || instances.items[0]?.id || '';
  const send = async () => {
    setError(null);
    try {
      const { instance } = await api.sendSandboxEvent(props.name, target, eventType, actAs);
      setHint(
        `Now in ${instance.state.join('/')}; next events: ${instance.enabledEvents.join(', ') || 'none'}`,
      );
      props.onChanged();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div className="hf-rollout__activity">
      <h3>Instances ({instances.items.length})</h3>
      <form
        className="hf-row"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <select
          aria-label="Instance"
          value={target}
          onChange={(e) => setInstanceId(e.target.value)}
          data-testid="sandbox-event-instance"
        >
          {instances.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.id.slice(0, 8)} · {i.state.join('/')}
            </option>
          ))}
        </select>
        <input
          aria-label="Event"
          value={eventType}
          onChange={(e) => setEventType(e.target.value)}
          data-testid="sandbox-event-type"
        />
        <select
          aria-label="Act as"
          value={actAs}
          onChange={(e) => setActAs(e.target.value as Role)}
          data-testid="sandbox-event-role"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              as {role}
            </option>
          ))}
        </select>
        <button type="submit" className="hf-button" disabled={!target} data-testid="sandbox-event-send">
          Send event
        </button>
      </form>
      {hint && (
        <p className="hf-muted" data-testid="sandbox-event-hint">
          {hint}
        </p>
      )}
      {error && (
        <p className="hf-field__error" role="alert" data-testid="sandbox-event-error">
          {error}
        </p>
      )}
      <table className="hf-table" data-testid="sandbox-instances">
        <thead>
          <tr>
            <th>Instance</th>
            <th>Version</th>
            <th>State</th>
            <th>Entered</th>
            <th>SLA</th>
          </tr>
        </thead>
        <tbody>
          {instances.items.map((i) => (
            <tr key={i.id} data-testid={`sandbox-instance-${i.id}`}>
              <td>{i.id.slice(0, 8)}</td>
              <td>v{i.version}</td>
              <td data-testid="sandbox-instance-state">{i.state.join(' / ')}</td>
              <td>{new Date(i.enteredAt).toUTCString()}</td>
              <td>{i.overdue ? <span className="hf-badge hf-badge--warn">overdue</span> : 'on time'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Captured effects ({effects.items.length})</h3>
      <p className="hf-muted">Captured in the sandbox, never delivered.</p>
      <ul className="hf-rollout__effects" data-testid="sandbox-effects">
        {effects.items.length === 0 && <li className="hf-muted">Nothing captured yet.</li>}
        {effects.items.map((effect) => (
          <li key={effect.id} data-testid={`sandbox-effect-${effect.id}`}>
            <span className="hf-badge">{effect.type.replace(/^hireflow\./, '')}</span>{' '}
            <span>{describeEffect(effect.payload)}</span>{' '}
            <span className="hf-muted">
              {effect.instanceId?.slice(0, 8)} · {new Date(effect.createdAt).toUTCString()}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
