import { type FormEvent, useState } from 'react';
import type { Session } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { describeError } from './useAsync.ts';

/** Email + password sign-in; the server sets the session cookie. */
export function LoginPage(props: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await api.login(email, password));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="hf-login">
      <form
        className="hf-dialog"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="hf-login-title"
        data-testid="login-form"
      >
        <h1 id="hf-login-title">Sign in to Hireflow</h1>
        <div className="hf-field">
          <label htmlFor="hf-email">Email</label>
          <input
            id="hf-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
          />
        </div>
        <div className="hf-field">
          <label htmlFor="hf-password">Password</label>
          <input
            id="hf-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </div>
        {error && (
          <p className="hf-field__error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="hf-button hf-button--primary"
          disabled={busy}
          data-testid="login-submit"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
