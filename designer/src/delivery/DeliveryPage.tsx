import { useState } from 'react';
import { deliveryApi } from '../api/deliveryClient.ts';
import type { Effect, EffectStatus } from '../api/deliveryTypes.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';
import { EffectsTable } from './EffectsTable.tsx';
import './delivery.css';

const LETTERS: EffectStatus[] = ['dead', 'undeliverable', 'pending', 'discarded', 'delivered'];

/** Retry / discard (with a reason) of one dead-letter row. */
function LetterActions(props: { effect: Effect; onDone: () => void; onError: (m: string) => void }) {
  const [reason, setReason] = useState('');
  if (props.effect.status !== 'dead' && props.effect.status !== 'undeliverable') return null;
  const run = (call: () => Promise<unknown>) =>
    call().then(props.onDone, (e: unknown) => props.onError(describeError(e)));
  return (
    <div className="hf-row">
      <button
        type="button"
        className="hf-button"
        onClick={() => run(() => deliveryApi.retryEffect(props.effect.id))}
      >
        Retry
      </button>
      <input
        placeholder="reason to discard"
        aria-label="Reason to discard"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="button"
        className="hf-button hf-button--danger"
        disabled={reason.trim().length < 3}
        onClick={() => run(() => deliveryApi.discardEffect(props.effect.id, reason.trim()))}
      >
        Discard
      </button>
    </div>
  );
}

/** `#/delivery` (admins): channels configured or not, effects by status, and the dead letters. */
export function DeliveryPage() {
  const [status, reloadStatus] = useAsync(() => deliveryApi.status(), []);
  const [filter, setFilter] = useState<EffectStatus>('dead');
  const [letters, reloadLetters] = useAsync(() => deliveryApi.effects(filter), [filter]);
  const [error, setError] = useState<string | null>(null);
  const reload = () => {
    setError(null);
    reloadStatus();
    reloadLetters();
  };
  return (
    <main className="hf-page" data-testid="delivery-page">
      <h1>Delivery</h1>
      {status.status === 'error' && <p className="hf-error">{status.message}</p>}
      {status.status === 'ok' && (
        <>
          <table className="hf-table" data-testid="delivery-channels">
            <thead>
              <tr>
                <th>Channel</th>
                <th>Configured</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {status.value.channels.map((c) => (
                <tr key={c.channel}>
                  <td>{c.channel}</td>
                  <td className={c.configured ? 'hf-status--delivered' : 'hf-status--undeliverable'}>
                    {c.configured ? 'yes' : 'no'}
                  </td>
                  <td>{c.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="delivery-counts">
            {Object.entries(status.value.counts).map(([s, n]) => (
              <span key={s} className={`hf-badge hf-status--${s}`}>
                {s}: {n}
              </span>
            ))}
            {status.value.deliveringSandboxes.length > 0 && (
              <span className="hf-badge hf-badge--warn">
                sandboxes delivering for real: {status.value.deliveringSandboxes.join(', ')}
              </span>
            )}
          </p>
        </>
      )}
      <div className="hf-row">
        <h2>Effects</h2>
        <select
          aria-label="Status"
          value={filter}
          onChange={(e) => setFilter(e.target.value as EffectStatus)}
        >
          {LETTERS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="button" className="hf-button" onClick={reload}>
          Refresh
        </button>
      </div>
      {error && <p className="hf-error">{error}</p>}
      {letters.status === 'error' && <p className="hf-error">{letters.message}</p>}
      {letters.status === 'ok' && (
        <EffectsTable
          items={letters.value.items}
          actions={(effect) => <LetterActions effect={effect} onDone={reload} onError={setError} />}
        />
      )}
    </main>
  );
}
