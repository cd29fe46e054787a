import { useState } from 'react';
import type { User } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { DELIVERY_OUTCOMES, type WebhookDelivery } from '../api/webhookDeliveryTypes.ts';
import { useAsync } from '../shell/useAsync.ts';
import { DeliveryDetail } from './DeliveryDetail.tsx';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import './deliveries.css';

/** Outcomes that need someone to look: the default filter. */
const NEEDS_ATTENTION = 'no_mapping,no_instance,refused,failed';

/**
 * The ATS delivery log: every webhook request and what became of it, newest first, filtered by
 * outcome; a row opens its detail (results, history) where an admin can re-process it.
 */
export function DeliveriesPage(props: { user: User }) {
  const [outcome, setOutcome] = useState(NEEDS_ATTENTION);
  const [pages, setPages] = useState<string[]>([]);
  const cursor = pages.at(-1);
  const [state, reload] = useAsync(
    () => api.listDeliveries({ ...(outcome ? { outcome } : {}), ...(cursor ? { cursor } : {}) }),
    [outcome, cursor],
  );
  const [open, setOpen] = useState<string | null>(null);
  const choose = (value: string) => {
    setOutcome(value);
    setPages([]);
  };

  return (
    <main className="hf-page" data-testid="deliveries-page">
      <h1>ATS deliveries</h1>
      <p className="hf-muted">
        Every webhook request from Greenhouse, Lever, Ashby or a Standard Webhooks sender, and what became of
        it. Deliveries that matched no mapping or no instance are kept for 30 days and can be re-processed
        once the mapping exists.
      </p>
      <div className="hf-row hf-deliveries__filters">
        <div className="hf-field">
          <label htmlFor="delivery-outcome">Outcome</label>
          <select
            id="delivery-outcome"
            value={outcome}
            onChange={(e) => choose(e.target.value)}
            data-testid="delivery-outcome"
          >
            <option value={NEEDS_ATTENTION}>Needs attention</option>
            <option value="">All</option>
            {DELIVERY_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="hf-button" onClick={reload}>
          Refresh
        </button>
      </div>
      <div className="hf-deliveries">
        <section className="hf-deliveries__list">
          {state.status === 'loading' && <p className="hf-muted">Loading deliveries…</p>}
          {state.status === 'error' && <p className="hf-field__error">{state.message}</p>}
          {state.status === 'ok' && state.value.items.length === 0 && (
            <p className="hf-empty" data-testid="deliveries-empty">
              No deliveries{outcome ? ' with this outcome' : ''}.
            </p>
          )}
          {state.status === 'ok' && state.value.items.length > 0 && (
            <DeliveryTable items={state.value.items} open={open} onOpen={setOpen} />
          )}
          <div className="hf-row">
            {pages.length > 0 && (
              <button type="button" className="hf-button" onClick={() => setPages(pages.slice(0, -1))}>
                Newer
              </button>
            )}
            {state.status === 'ok' && state.value.nextCursor && (
              <button
                type="button"
                className="hf-button"
                onClick={() => setPages([...pages, state.value.nextCursor as string])}
              >
                Older
              </button>
            )}
          </div>
        </section>
        {open && (
          <DeliveryDetail
            key={open}
            id={open}
            canReprocess={props.user.roles.includes('admin')}
            onChanged={reload}
            onClose={() => setOpen(null)}
          />
        )}
      </div>
    </main>
  );
}

function DeliveryTable(props: {
  items: WebhookDelivery[];
  open: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <table className="hf-table" data-testid="delivery-list">
      <thead>
        <tr>
          <th>Received</th>
          <th>Vendor</th>
          <th>Event</th>
          <th>ATS reference</th>
          <th>Outcome</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((d) => (
          <tr
            key={d.id}
            className={props.open === d.id ? 'is-selected' : undefined}
            data-testid={`delivery-${d.id}`}
          >
            <td>
              <button type="button" className="hf-link" onClick={() => props.onOpen(d.id)}>
                {new Date(d.receivedAt).toLocaleString()}
              </button>
            </td>
            <td>{d.vendor}</td>
            <td>
              {d.vendorEvent ?? '—'}
              {d.stage && <span className="hf-muted"> · {d.stage}</span>}
            </td>
            <td>{d.externalRef ?? '—'}</td>
            <td>
              <OutcomeBadge outcome={d.outcome} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
