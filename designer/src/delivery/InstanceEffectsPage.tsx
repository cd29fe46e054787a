import { deliveryApi } from '../api/deliveryClient.ts';
import { useAsync } from '../shell/useAsync.ts';
import { EffectsTable } from './EffectsTable.tsx';
import './delivery.css';

/** `#/instances/<id>`: what an instance sent (or failed to send), where notification links lead. */
export function InstanceEffectsPage(props: { instanceId: string }) {
  const [state, reload] = useAsync(() => deliveryApi.instanceEffects(props.instanceId), [props.instanceId]);
  return (
    <main className="hf-page" data-testid="instance-effects-page">
      <h1>Instance {props.instanceId}</h1>
      <div className="hf-row">
        <h2>Effects</h2>
        <span className="hf-toolbar__spacer" />
        <button type="button" className="hf-button" onClick={reload}>
          Refresh
        </button>
      </div>
      <p className="hf-muted">
        Notifications, webhooks and tickets this instance produced. Delivered means the other side confirmed
        it (mail server accepted, webhook answered 2xx, ticket exists).
      </p>
      {state.status === 'loading' && <p className="hf-muted">Loading…</p>}
      {state.status === 'error' && <p className="hf-error">{state.message}</p>}
      {state.status === 'ok' && <EffectsTable items={state.value.items} />}
    </main>
  );
}
