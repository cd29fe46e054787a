import { useState } from 'react';
import { api } from '../api/client.ts';
import type { MigrationItem } from '../api/rolloutTypes.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';
import { autoMap, stateIds, toStateMap } from './stateMapping.ts';

const invert = (map: Record<string, string>) =>
  Object.fromEntries(Object.entries(map).map(([a, b]) => [b, a]));

/** Move running instances between versions: choose versions, map states, dry run, apply (and revert). */
export function MigrateDialog(props: { workflowId: string; versions: number[]; onClose: () => void }) {
  const newest = props.versions[0] ?? 1;
  const [from, setFrom] = useState(props.versions[1] ?? newest);
  const [to, setTo] = useState(newest);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [items, setItems] = useState<MigrationItem[] | null>(null);
  const [last, setLast] = useState<{ from: number; to: number; stateMap: Record<string, string> } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [specs] = useAsync(
    () => Promise.all([api.getVersion(props.workflowId, from), api.getVersion(props.workflowId, to)]),
    [props.workflowId, from, to],
  );
  const table =
    specs.status === 'ok' ? autoMap(specs.value[0].version.spec, specs.value[1].version.spec, picks) : {};
  const targets = specs.status === 'ok' ? stateIds(specs.value[1].version.spec) : [];
  const body = { from, to, stateMap: toStateMap(table) };
  const run = async (action: () => Promise<MigrationItem[]>) => {
    setError(null);
    try {
      setItems(await action());
    } catch (e) {
      setError(describeError(e));
    }
  };
  const versionSelect = (label: string, value: number, set: (n: number) => void, testId: string) => (
    <label className="hf-field">
      {label}
      <select
        value={value}
        onChange={(e) => {
          set(Number(e.target.value));
          setItems(null);
        }}
        data-testid={testId}
      >
        {props.versions.map((n) => (
          <option key={n} value={n}>
            v{n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="hf-overlay" role="presentation">
      <div
        className="hf-dialog hf-rollout__dialog"
        role="dialog"
        aria-label="Migrate instances"
        data-testid="migrate-dialog"
      >
        <h2>Migrate running instances</h2>
        <div className="hf-row">
          {versionSelect('From version', from, setFrom, 'migrate-from')}
          {versionSelect('To version', to, setTo, 'migrate-to')}
        </div>
        <h3>State mapping</h3>
        <table className="hf-table" data-testid="migrate-mapping">
          <tbody>
            {Object.entries(table).map(([source, target]) => (
              <tr key={source} data-testid={`mapping-${source}`}>
                <td>{source}</td>
                <td>→</td>
                <td>
                  {target === source ? (
                    <span className="hf-muted">{target} (same id)</span>
                  ) : (
                    <select
                      aria-label={`Target state for ${source}`}
                      value={target ?? ''}
                      onChange={(e) => {
                        setPicks({ ...picks, [source]: e.target.value });
                        setItems(null);
                      }}
                      data-testid={`mapping-select-${source}`}
                    >
                      <option value="">(not mapped: its instances stay)</option>
                      {targets.map((id) => (
                        <option key={id} value={id}>
                          {id}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="hf-row">
          <button
            type="button"
            className="hf-button"
            disabled={from === to}
            onClick={() => void run(async () => (await api.migrationDryRun(props.workflowId, body)).items)}
            data-testid="migrate-dry-run"
          >
            Dry run
          </button>
          <button
            type="button"
            className="hf-button hf-button--primary"
            disabled={items === null || items.some((i) => i.applied !== undefined)}
            onClick={() =>
              void run(async () => {
                const result = await api.applyMigration(props.workflowId, body);
                setLast(body);
                return result.items;
              })
            }
            data-testid="migrate-apply"
          >
            Apply
          </button>
          {last && (
            <button
              type="button"
              className="hf-button hf-button--danger"
              onClick={() =>
                void run(async () => {
                  const inverse = { from: last.to, to: last.from, stateMap: invert(last.stateMap) };
                  setLast(null);
                  return (await api.applyMigration(props.workflowId, inverse)).items;
                })
              }
              data-testid="migrate-revert"
            >
              Revert (inverse mapping)
            </button>
          )}
          <span className="hf-toolbar__spacer" />
          <button type="button" className="hf-button" onClick={props.onClose} data-testid="migrate-close">
            Close
          </button>
        </div>
        {error && (
          <p className="hf-field__error" role="alert" data-testid="migrate-error">
            {error}
          </p>
        )}
        {items && <MigrationTable items={items} />}
      </div>
    </div>
  );
}

function MigrationTable(props: { items: MigrationItem[] }) {
  if (props.items.length === 0) return <p className="hf-muted">No running instance on that version.</p>;
  return (
    <table className="hf-table" data-testid="migrate-items">
      <thead>
        <tr>
          <th>Instance</th>
          <th>From</th>
          <th>To</th>
          <th>Timers (from state entry, business time)</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.instanceId} data-testid={`migrate-item-${item.instanceId}`}>
            <td>{item.instanceId.slice(0, 8)}</td>
            <td>{item.from.join(' / ')}</td>
            <td>{item.to?.join(' / ') ?? '—'}</td>
            <td>
              {(item.timers ?? [])
                .map((t) => `${t.delayName.split(':').at(-1)} ${new Date(t.dueAt).toUTCString()}`)
                .join('; ') || '—'}
            </td>
            <td
              className={item.problem ? 'hf-rollout__problem' : undefined}
              data-testid="migrate-item-result"
            >
              {item.problem ??
                (item.applied === undefined ? 'will move' : item.applied ? 'moved' : 'not moved')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
