import { useState } from 'react';
import { api } from '../api/client.ts';
import { describeError, useAsync } from './useAsync.ts';

/** The built-in templates; "Use template" forks one into the user's business unit and opens it. */
export function TemplatesPage(props: { onOpen: (workflowId: string) => void }) {
  const [state] = useAsync(() => api.listTemplates(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const use = async (templateId: string) => {
    setBusy(templateId);
    setError(null);
    try {
      const { workflow } = await api.forkTemplate(templateId);
      props.onOpen(workflow.id);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };
  if (state.status === 'loading') return <p className="hf-page hf-muted">Loading templates…</p>;
  if (state.status === 'error') return <p className="hf-page hf-field__error">{state.message}</p>;
  return (
    <section className="hf-page" aria-labelledby="hf-templates-title">
      <h1 id="hf-templates-title">Templates</h1>
      {error && (
        <p className="hf-field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="hf-gallery" data-testid="template-gallery">
        {state.value.items.map((t) => (
          <li key={t.id} className="hf-card" data-testid={`template-${t.id}`}>
            <h2>{t.name}</h2>
            <p>{t.description}</p>
            <p className="hf-muted">
              {t.stateCount} states · {t.subjectType} · v{t.version}
              {t.lockedStates.length > 0 && ` · 🔒 ${t.lockedStates.length} locked compliance step(s)`}
            </p>
            <button
              type="button"
              className="hf-button hf-button--primary"
              disabled={busy !== null}
              onClick={() => void use(t.id)}
              data-testid={`use-template-${t.id}`}
            >
              {busy === t.id ? 'Creating…' : 'Use template'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
