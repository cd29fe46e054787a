import { useState } from 'react';
import { api } from '../api/client.ts';
import type { DurationUnit, Sandbox } from '../api/rolloutTypes.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';
import { SandboxActivity } from './SandboxActivity.tsx';

const CLOCK_STEPS: { label: string; amount: number; unit: DurationUnit }[] = [
  { label: '+1 hour', amount: 1, unit: 'hours' },
  { label: '+1 business day', amount: 1, unit: 'businessDays' },
  { label: '+3 business days', amount: 3, unit: 'businessDays' },
];

/** One sandbox: publish a workflow's draft into it, start synthetic candidates, move its clock. */
export function SandboxDetail(props: { name: string; sandbox: Sandbox | undefined; onChanged: () => void }) {
  const [workflows] = useAsync(() => api.listWorkflows(), []);
  const [workflowId, setWorkflowId] = useState('');
  const [count, setCount] = useState(10);
  const [seed, setSeed] = useState(42);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = workflowId || (workflows.status === 'ok' ? (workflows.value.items[0]?.id ?? '') : '');
  const run = async (action: () => Promise<string>) => {
    setError(null);
    try {
      setMessage(await action());
      props.onChanged();
    } catch (e) {
      setError(describeError(e));
    }
  };
  if (!props.sandbox) return null;

  return (
    <section
      className="hf-rollout__sandbox"
      data-testid="sandbox-detail"
      aria-label={`Sandbox ${props.name}`}
    >
      <h2>
        {props.name} <span className="hf-badge">sandbox</span>{' '}
        <span className="hf-muted" data-testid="sandbox-clock">
          clock: {new Date(props.sandbox.now).toUTCString()}
        </span>
      </h2>
      <div className="hf-row hf-rollout__controls">
        <div className="hf-field">
          <label htmlFor="sandbox-workflow">Workflow</label>
          <select
            id="sandbox-workflow"
            value={chosen}
            onChange={(e) => setWorkflowId(e.target.value)}
            data-testid="sandbox-workflow"
          >
            {workflows.status === 'ok' &&
              workflows.value.items.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({w.businessUnit})
                </option>
              ))}
          </select>
        </div>
        <button
          type="button"
          className="hf-button hf-button--primary"
          disabled={!chosen}
          onClick={() =>
            void run(async () => {
              const { version } = await api.publishIntoSandbox(props.name, chosen);
              return `Published the current draft of ${version.workflowId} as sandbox v${version.number}${version.unchanged ? ' (unchanged)' : ''}.`;
            })
          }
          data-testid="sandbox-publish"
        >
          Publish draft into sandbox
        </button>
      </div>
      <div className="hf-row hf-rollout__controls">
        <div className="hf-field">
          <label htmlFor="synthetic-count">Candidates</label>
          <input
            id="synthetic-count"
            type="number"
            min={1}
            max={500}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
            data-testid="synthetic-count"
          />
        </div>
        <div className="hf-field">
          <label htmlFor="synthetic-seed">Seed</label>
          <input
            id="synthetic-seed"
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(Number(e.target.value))}
            data-testid="synthetic-seed"
          />
        </div>
        <button
          type="button"
          className="hf-button"
          disabled={!chosen}
          onClick={() =>
            void run(async () => {
              const result = await api.startSynthetic(props.name, chosen, count, seed);
              const refused = result.refused.length ? `, ${result.refused.length} refused` : '';
              return `Started ${result.items.length} synthetic candidates (seed ${seed})${refused}.`;
            })
          }
          data-testid="synthetic-generate"
        >
          Generate synthetic candidates
        </button>
        <span className="hf-toolbar__spacer" />
        {CLOCK_STEPS.map((step) => (
          <button
            key={step.label}
            type="button"
            className="hf-button"
            onClick={() =>
              void run(async () => {
                const result = await api.advanceSandbox(props.name, step.amount, step.unit);
                return `Clock moved ${step.label.slice(1)} to ${new Date(result.sandbox.now).toUTCString()}: ${result.fired} timer(s) fired.`;
              })
            }
            data-testid={`sandbox-advance-${step.amount}-${step.unit}`}
          >
            {step.label}
          </button>
        ))}
      </div>
      {message && (
        <p className="hf-ok" role="status" data-testid="sandbox-message">
          {message}
        </p>
      )}
      {error && (
        <p className="hf-field__error" role="alert" data-testid="sandbox-error">
          {error}
        </p>
      )}
      <SandboxActivity
        name={props.name}
        refreshKey={`${props.sandbox.now}|${props.sandbox.instances}|${message ?? ''}`}
        onChanged={props.onChanged}
      />
    </section>
  );
}
