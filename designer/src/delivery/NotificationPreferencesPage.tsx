import { useEffect, useState } from 'react';
import { deliveryApi } from '../api/deliveryClient.ts';
import type { NotificationPreferences } from '../api/deliveryTypes.ts';
import { describeError } from '../shell/useAsync.ts';

/** `#/notifications`: how I am notified — email now / daily digest / off, and in-app on or off. */
export function NotificationPreferencesPage() {
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    deliveryApi.preferences().then(setPrefs, (e: unknown) => setMessage(describeError(e)));
  }, []);
  if (!prefs) return <main className="hf-page">{message ?? 'Loading…'}</main>;
  const save = () =>
    deliveryApi.savePreferences(prefs).then(
      () => setMessage('Saved.'),
      (e: unknown) => setMessage(describeError(e)),
    );
  return (
    <main className="hf-page" data-testid="notification-preferences">
      <h1>Notification preferences</h1>
      <p className="hf-muted">
        Reminders of an SLA ladder reach you by role. Repeated reminders about the same candidate and rung are
        collapsed into one.
      </p>
      <fieldset>
        <legend>Email</legend>
        {(['immediate', 'digest', 'off'] as const).map((mode) => (
          <label key={mode} className="hf-row">
            <input
              type="radio"
              name="email"
              checked={prefs.email === mode}
              onChange={() => setPrefs({ ...prefs, email: mode })}
            />
            {mode === 'immediate' ? 'Right away' : mode === 'digest' ? 'One daily digest (07:00 UTC)' : 'Off'}
          </label>
        ))}
      </fieldset>
      <label className="hf-row">
        <input
          type="checkbox"
          checked={prefs.inApp}
          onChange={(e) => setPrefs({ ...prefs, inApp: e.target.checked })}
        />
        In-app notifications (the bell)
      </label>
      <div className="hf-row">
        <button type="button" className="hf-button hf-button--primary" onClick={() => void save()}>
          Save
        </button>
        {message && <span className="hf-muted">{message}</span>}
      </div>
    </main>
  );
}
