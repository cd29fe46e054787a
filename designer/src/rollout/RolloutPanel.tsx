import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { Pilot, Routing } from '../api/rolloutTypes.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';
import { ComparisonChart } from './ComparisonChart.tsx';
import { MigrateDialog } from './MigrateDialog.tsx';
import { PilotForm } from './PilotForm.tsx';
import './rollout.css';

function describeRouting(routing: Routing): string {
  const base = routing.defaultVersion === null ? 'nothing published' : `v${routing.defaultVersion}`;
  const pilot = routing.pilot;
  if (!pilot) return `Everyone starts on ${base}; no pilot.`;
  const audience = [
    pilot.businessUnits?.length ? `units ${pilot.businessUnits.join(', ')}` : '',
    pilot.departments?.length ? `departments ${pilot.departments.join(', ')}` : '',
    pilot.percentage !== undefined ? `${pilot.percentage}% of candidates` : '',
  ].filter(Boolean);
  return `Pilot v${pilot.version} for ${audience.join(' or ')}; everyone else on ${base}.`;
}

/** Pilot & rollout of a workflow: the pilot audience, promote / roll back, the cohort comparison, migration. */
export function RolloutPanel(props: { workflowId: string; refreshKey?: number }) {
  const [state, reload] = useAsync(
    () =>
      Promise.all([
        api.getRouting(props.workflowId),
        api.listVersions(props.workflowId),
        api.pilotComparison(props.workflowId),
      ]),
    [props.workflowId, props.refreshKey],
  );
  const [error, setError] = useState<string | null>(null);
  const [migrating, setMigrating] = useState(false);
  // The last answer stays on screen while a change reloads it.
  const shown = useRef<typeof state & { status: 'ok' }>(null);
  if (state.status === 'ok') shown.current = state;
  if (state.status === 'error') return <p className="hf-field__error">{state.message}</p>;
  if (!shown.current) return <p className="hf-muted">Loading routing…</p>;
  const [{ routing }, versionPage, comparison] = shown.current.value;
  const versions = versionPage.items.map((v) => v.number);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const savePilot = (pilot: Pilot) =>
    void run(() => api.setRouting(props.workflowId, { defaultVersion: routing.defaultVersion, pilot }));

  return (
    <div className="hf-rollout__panel" data-testid="rollout-panel">
      <p data-testid="routing-summary">{describeRouting(routing)}</p>
      {versions.length === 0 ? (
        <p className="hf-muted">Publish a version first.</p>
      ) : (
        <PilotForm key={JSON.stringify(routing)} routing={routing} versions={versions} onSave={savePilot} />
      )}
      <div className="hf-row">
        <button
          type="button"
          className="hf-button hf-button--primary"
          disabled={!routing.pilot}
          onClick={() => void run(() => api.promotePilot(props.workflowId))}
          data-testid="pilot-promote"
        >
          Promote pilot
        </button>
        <button
          type="button"
          className="hf-button hf-button--danger"
          disabled={!routing.pilot}
          onClick={() => void run(() => api.rollBackPilot(props.workflowId))}
          data-testid="pilot-rollback"
        >
          Roll back pilot
        </button>
        <button
          type="button"
          className="hf-button"
          disabled={versions.length < 2}
          onClick={() => setMigrating(true)}
          data-testid="migrate-open"
        >
          Migrate instances…
        </button>
      </div>
      {error && (
        <p className="hf-field__error" role="alert" data-testid="rollout-error">
          {error}
        </p>
      )}
      <h3>Pilot vs default</h3>
      <ComparisonChart comparison={comparison} />
      {migrating && (
        <MigrateDialog
          workflowId={props.workflowId}
          versions={versions}
          onClose={() => {
            setMigrating(false);
            reload();
          }}
        />
      )}
    </div>
  );
}
