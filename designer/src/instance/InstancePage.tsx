import type { WorkflowSpec } from '@hireflow/runtime/model';
import { useState } from 'react';
import type { AuditEntry, Instance, User } from '../api/apiTypes.ts';
import { ApiProblem, api } from '../api/client.ts';
import { describeActor } from '../shell/describeActor.ts';
import { useAsync } from '../shell/useAsync.ts';
import { stateName } from '../spec/stateOptions.ts';
import { ActDialog } from './ActDialog.tsx';
import {
  describeRunningTimer,
  type InstanceAction,
  instanceActions,
  overdueTimers,
} from './instanceActions.ts';

interface Loaded {
  instance: Instance;
  spec: WorkflowSpec | undefined;
  /** `null`: this role may not read the audit trail (the page says so). */
  history: AuditEntry[] | null;
}

async function load(instanceId: string): Promise<Loaded> {
  const { instance } = await api.getInstance(instanceId);
  const [version, history] = await Promise.all([
    api.getVersion(instance.workflowId, instance.version).then(
      (r) => r.version.spec,
      () => undefined,
    ),
    api.auditEntries(instanceId).then(
      (page) => page.items,
      (e: unknown) => {
        if (e instanceof ApiProblem && e.status === 403) return null;
        throw e;
      },
    ),
  ]);
  return { instance, spec: version, history };
}

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/**
 * One instance, for the people who move it — also on a phone: where it is, what is overdue, what can
 * be done now (each action confirmed in a dialog, with its note) and its history.
 */
export function InstancePage(props: { instanceId: string; user: User }) {
  const [state, reload] = useAsync(() => load(props.instanceId), [props.instanceId]);
  const [acting, setActing] = useState<InstanceAction | null>(null);
  if (state.status === 'loading') return <p className="hf-page hf-muted">Loading the instance…</p>;
  if (state.status === 'error') return <p className="hf-page hf-field__error">{state.message}</p>;
  const { instance, spec, history } = state.value;
  const name = (id: string) => stateName(spec, id);
  const overdue = overdueTimers(instance.timers, Date.now());
  const actions =
    instance.status === 'running' ? instanceActions(spec, instance.state, instance.enabledEvents) : [];
  const openTasks = instance.approvals.filter((a) => a.status === 'open');
  return (
    <section className="hf-page hf-instance" aria-labelledby="hf-instance-title" data-testid="instance-page">
      <h1 id="hf-instance-title">{spec?.name ?? instance.workflowId}</h1>
      <p className="hf-muted">
        {instance.subjectId} · version {instance.version} · started {when(instance.startedAt)}
      </p>
      <div className="hf-card" data-testid="instance-where">
        <h2>Where it is</h2>
        <p>
          <strong>{instance.state.map(name).join(' / ') || '—'}</strong>
          {instance.status === 'done' ? ' (finished)' : ` since ${when(instance.enteredAt)}`}
        </p>
        {instance.overdue && <span className="hf-badge hf-badge--warn">overdue</span>}
      </div>
      <div className="hf-card" data-testid="instance-overdue">
        <h2>Deadlines</h2>
        {instance.timers.length === 0 && <p className="hf-muted">No deadline running.</p>}
        <ul className="hf-plain-list">
          {instance.timers.map((t) => {
            const timer = describeRunningTimer(t as { delayName: string; label?: string });
            return (
              <li key={t.delayName}>
                {overdue.includes(t) ? '⏰ Overdue: ' : 'Due: '}
                {name(timer.stateId)} · {timer.label} · {when(t.dueAt)}
              </li>
            );
          })}
        </ul>
        {openTasks.length > 0 && (
          <p>
            Waiting for approval: {openTasks.map((a) => `${name(a.stateId)} (${a.stepId})`).join(', ')} —{' '}
            <a href="#/inbox">open Approvals</a>
          </p>
        )}
      </div>
      {actions.length > 0 && (
        <div className="hf-card" data-testid="instance-actions">
          <h2>Act</h2>
          <div className="hf-row">
            {actions.map((a) => (
              <button
                key={a.event}
                type="button"
                className="hf-button"
                onClick={() => setActing(a)}
                data-testid={`act-${a.event}`}
              >
                {a.label}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="hf-card" data-testid="instance-history">
        <h2>History</h2>
        {history === null ? (
          <p className="hf-muted">
            The audit trail is open to HR business partners, auditors and admins; you are signed in as{' '}
            {props.user.roles.join(', ')}.
          </p>
        ) : (
          <ol className="hf-plain-list">
            {history.map((e) => (
              <li key={e.seq}>
                <strong>{when(e.at)}</strong> · {e.event.type} · {e.from.map(name).join(' / ') || 'start'} →{' '}
                {e.to.map(name).join(' / ')} · {describeActor(e.actor)}
                {e.refusal && <span className="hf-field__error"> — refused: {e.refusal.message}</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
      {acting && (
        <ActDialog
          instanceId={instance.id}
          action={acting}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
