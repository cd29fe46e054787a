import { useCallback, useEffect, useState } from 'react';
import { deliveryApi } from '../api/deliveryClient.ts';
import type { Notification } from '../api/deliveryTypes.ts';
import { describeError } from '../shell/useAsync.ts';
import './delivery.css';

/**
 * The bell in the navigation: unread count and the latest notifications, kept live by the
 * `notification` events of `GET /api/stream` (the same stream the rest of the designer listens to).
 */
export function NotificationBell() {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    deliveryApi.notifications().then(
      (answer) => {
        setItems(answer.items);
        setUnread(answer.unread);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, []);
  useEffect(() => {
    load();
    const stream = new EventSource('/api/stream');
    stream.addEventListener('notification', (event) => {
      const item = JSON.parse((event as MessageEvent<string>).data) as Notification & { unread: number };
      setUnread(item.unread);
      setItems((current) => [item, ...current.filter((n) => n.id !== item.id)].slice(0, 50));
    });
    // The bell lives in the navigation: close its panel when the page changes.
    const close = () => setOpen(false);
    window.addEventListener('hashchange', close);
    return () => {
      stream.close();
      window.removeEventListener('hashchange', close);
    };
  }, [load]);
  const act = (call: () => Promise<{ unread: number }>) =>
    call().then(
      (answer) => {
        setUnread(answer.unread);
        load();
      },
      (e: unknown) => setError(describeError(e)),
    );

  return (
    <div className="hf-bell">
      <button
        type="button"
        className="hf-button"
        aria-expanded={open}
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>{' '}
        <span data-testid="bell-count">{unread}</span>
      </button>
      {open && (
        <div className="hf-bell__panel" role="dialog" aria-label="Notifications" data-testid="bell-panel">
          <div className="hf-row">
            <strong>Notifications</strong>
            <span className="hf-toolbar__spacer" />
            <button type="button" className="hf-button" onClick={() => act(deliveryApi.markAllRead)}>
              Mark all read
            </button>
            <button
              type="button"
              className="hf-button"
              onClick={() => {
                setOpen(false);
                window.location.hash = '#/notifications';
              }}
            >
              Preferences
            </button>
          </div>
          {error && <p className="hf-error">{error}</p>}
          {items.length === 0 && <p className="hf-muted">Nothing yet.</p>}
          <ul className="hf-bell__list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'hf-bell__item' : 'hf-bell__item hf-bell__item--unread'}>
                <a href={n.instanceId ? `#/instances/${encodeURIComponent(n.instanceId)}` : undefined}>
                  {n.title}
                </a>
                <p>{n.body}</p>
                <small className="hf-muted">{new Date(n.createdAt).toLocaleString()}</small>
                {!n.readAt && (
                  <button
                    type="button"
                    className="hf-button"
                    onClick={() => act(() => deliveryApi.markRead(n.id))}
                  >
                    Mark read
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
