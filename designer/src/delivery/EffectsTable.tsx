import { useState } from 'react';
import type { Effect } from '../api/deliveryTypes.ts';

/** What an effect is about, in a few words (its payload holds no personal data). */
function describePayload(effect: Effect): string {
  const p = (effect.payload ?? {}) as Record<string, unknown>;
  if (typeof p.message === 'string') return p.message;
  if (typeof p.summary === 'string') return p.summary;
  if (typeof p.event === 'string') return `${p.event} → ${String(p.url ?? '')}`;
  return JSON.stringify(p).slice(0, 120);
}

/** Effects with their delivery status; `actions` renders per-row buttons (the dead-letter view). */
export function EffectsTable(props: { items: Effect[]; actions?: (effect: Effect) => React.ReactNode }) {
  const [expanded, setExpanded] = useState<string | null>(null);
  if (props.items.length === 0) return <p className="hf-muted">No effects.</p>;
  return (
    <table className="hf-table" data-testid="effects-table">
      <thead>
        <tr>
          <th>Created</th>
          <th>Type</th>
          <th>What</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Last error</th>
          {props.actions && <th />}
        </tr>
      </thead>
      <tbody>
        {props.items.map((e) => (
          <tr key={e.id} data-testid={`effect-${e.id}`}>
            <td>{new Date(e.createdAt).toLocaleString()}</td>
            <td>{e.type.replace(/^hireflow\./, '')}</td>
            <td>
              <button
                type="button"
                className="hf-link"
                onClick={() => setExpanded(expanded === e.id ? null : e.id)}
              >
                {describePayload(e)}
              </button>
              {expanded === e.id && <pre>{JSON.stringify(e.payload, null, 2)}</pre>}
            </td>
            <td className={`hf-status--${e.status}`}>
              {e.status}
              {e.deliveredAt && (
                <small className="hf-muted"> {new Date(e.deliveredAt).toLocaleString()}</small>
              )}
            </td>
            <td>{e.attempts}</td>
            <td>{e.lastError ?? ''}</td>
            {props.actions && <td>{props.actions(e)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
