import { useState } from 'react';
import { api } from '../api/client.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';

/** One delivery: facts, per-workflow results, processing history, and (admins) re-process. */
export function DeliveryDetail(props: {
  id: string;
  canReprocess: boolean;
  onChanged: () => void;
  onClose: () => void;
}) {
  const [state, reload] = useAsync(() => api.getDelivery(props.id), [props.id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reprocess = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.reprocessDelivery(props.id);
      reload();
      props.onChanged();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="hf-deliveries__detail" data-testid="delivery-detail" aria-label="Delivery">
      <div className="hf-row">
        <h2>Delivery</h2>
        <span className="hf-toolbar__spacer" />
        <button type="button" className="hf-link" onClick={props.onClose}>
          Close
        </button>
      </div>
      {state.status === 'loading' && <p className="hf-muted">Loading…</p>}
      {state.status === 'error' && <p className="hf-field__error">{state.message}</p>}
      {state.status === 'ok' && (
        <>
          <p>
            <OutcomeBadge outcome={state.value.delivery.outcome} />
            {state.value.delivery.reason && <span> {state.value.delivery.reason}</span>}
          </p>
          <dl className="hf-context">
            {(
              [
                ['Vendor', state.value.delivery.vendor],
                ['Event', state.value.delivery.vendorEvent],
                ['Stage', state.value.delivery.stage],
                ['ATS reference', state.value.delivery.externalRef],
                ['Vendor delivery id', state.value.delivery.vendorDeliveryId],
                ['Received', new Date(state.value.delivery.receivedAt).toLocaleString()],
                [
                  'Body',
                  `${state.value.delivery.bodyBytes} bytes, sha256 ${state.value.delivery.bodyDigest.slice(0, 12)}…`,
                ],
                ['Duplicate of', state.value.delivery.duplicateOf],
              ] as const
            )
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          <h3>Workflows</h3>
          {state.value.delivery.results.length === 0 ? (
            <p className="hf-muted">No mapping matched.</p>
          ) : (
            <ul className="hf-deliveries__results" data-testid="delivery-results">
              {state.value.delivery.results.map((r) => (
                <li key={`${r.workflowId}-${r.instanceId ?? 'none'}`}>
                  <a href={`#/workflows/${encodeURIComponent(r.workflowId)}`}>{r.workflowId}</a>:{' '}
                  {r.outcome.replaceAll('_', ' ')}
                  {r.instanceId && <span className="hf-muted"> · instance {r.instanceId.slice(0, 8)}</span>}
                  {r.reason && <span className="hf-field__error"> {r.reason}</span>}
                </li>
              ))}
            </ul>
          )}
          <h3>History</h3>
          <ol className="hf-deliveries__history" data-testid="delivery-history">
            {state.value.delivery.history.map((h) => (
              <li key={`${h.at}-${h.actor}-${h.outcome}`}>
                {new Date(h.at).toLocaleString()} ·{' '}
                {h.actor.startsWith('webhook:') ? 'received' : 're-processed'} ·{' '}
                {h.outcome.replaceAll('_', ' ')}
              </li>
            ))}
          </ol>
          {props.canReprocess && (
            <div className="hf-row">
              <button
                type="button"
                className="hf-button hf-button--primary"
                disabled={busy || !state.value.delivery.bodyKept}
                onClick={() => void reprocess()}
                data-testid="delivery-reprocess"
              >
                Re-process
              </button>
              {!state.value.delivery.bodyKept && (
                <span className="hf-muted">
                  Nothing kept to re-process (applied, refused at the door, or expired).
                </span>
              )}
            </div>
          )}
          {error && (
            <p className="hf-field__error" role="alert" data-testid="delivery-error">
              {error}
            </p>
          )}
        </>
      )}
    </aside>
  );
}
