import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { Sandbox } from '../api/rolloutTypes.ts';
import { describeError, useAsync } from '../shell/useAsync.ts';
import { SandboxDetail } from './SandboxDetail.tsx';
import './rollout.css';

/** Sandboxes: list, create, reset, delete, and open one to try a workflow on synthetic candidates. */
export function SandboxesPage() {
  const [state, reload] = useAsync(() => api.listSandboxes(), []);
  const [name, setName] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The last list stays on screen while a reload runs, so the open sandbox keeps its state.
  const shown = useRef<Sandbox[] | null>(null);
  if (state.status === 'ok') shown.current = state.value.items;
  const items = shown.current;
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const create = () =>
    run(async () => {
      await api.createSandbox(name.trim());
      setOpen(name.trim());
      setName('');
    });

  return (
    <main className="hf-page" data-testid="sandboxes-page">
      <h1>Sandboxes</h1>
      <p className="hf-muted">
        Each sandbox is its own database with its own clock. Nothing here touches production; effects
        (notifications, webhooks, tickets) are captured and listed, never sent.
      </p>
      <form
        className="hf-row hf-rollout__create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="hf-field">
          <label htmlFor="sandbox-name">New sandbox</label>
          <input
            id="sandbox-name"
            placeholder="e.g. screen-pilot"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="sandbox-name"
          />
        </div>
        <button
          type="submit"
          className="hf-button hf-button--primary"
          disabled={name.trim() === ''}
          data-testid="sandbox-create"
        >
          Create
        </button>
      </form>
      {error && (
        <p className="hf-field__error" role="alert" data-testid="sandboxes-error">
          {error}
        </p>
      )}
      {items === null && state.status === 'loading' && <p className="hf-muted">Loading sandboxes…</p>}
      {state.status === 'error' && <p className="hf-field__error">{state.message}</p>}
      {items !== null && (
        <table className="hf-table" data-testid="sandbox-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Sandbox clock</th>
              <th>Instances</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={4} className="hf-muted">
                  No sandboxes yet.
                </td>
              </tr>
            )}
            {items.map((sandbox) => (
              <tr
                key={sandbox.name}
                data-testid={`sandbox-${sandbox.name}`}
                aria-selected={open === sandbox.name}
              >
                <td>
                  <button
                    type="button"
                    className="hf-link"
                    onClick={() => setOpen(sandbox.name)}
                    data-testid={`sandbox-open-${sandbox.name}`}
                  >
                    {sandbox.name}
                  </button>
                </td>
                <td>{new Date(sandbox.now).toUTCString()}</td>
                <td data-testid={`sandbox-count-${sandbox.name}`}>{sandbox.instances}</td>
                <td className="hf-row">
                  <button
                    type="button"
                    className="hf-button"
                    onClick={() => void run(() => api.resetSandbox(sandbox.name))}
                    data-testid={`sandbox-reset-${sandbox.name}`}
                  >
                    Reset
                  </button>
                  <button
                    type="button"
                    className="hf-button hf-button--danger"
                    onClick={() =>
                      void run(async () => {
                        await api.deleteSandbox(sandbox.name);
                        if (open === sandbox.name) setOpen(null);
                      })
                    }
                    data-testid={`sandbox-delete-${sandbox.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && items !== null && (
        <SandboxDetail
          key={open}
          sandbox={items.find((s) => s.name === open)}
          name={open}
          onChanged={reload}
        />
      )}
    </main>
  );
}
