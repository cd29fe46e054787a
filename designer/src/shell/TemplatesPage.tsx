import { useState } from 'react';
import type { User } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import { describeError, useAsync } from './useAsync.ts';

/**
 * The built-in templates; "Use template" forks one into the user's business unit and opens it. A user
 * who belongs to no unit yet (the first admin of a fresh install) names the unit the fork goes into.
 */
export function TemplatesPage(props: { user: User; onOpen: (workflowId: string) => void }) {
  const [state] = useAsync(() => api.listTemplates(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const needsUnit = props.user.businessUnits.length === 0;
  const [unit, setUnit] = useState('');
  const use = async (templateId: string) => {
    setBusy(templateId);
    setError(null);
    try {
      const { workflow } = await api.forkTemplate(templateId, needsUnit ? { businessUnit: unit.trim() } : {});
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
      {needsUnit && (
        <div className="hf-field hf-templates__unit">
          <label htmlFor="hf-fork-unit">Business unit of the new workflow</label>
          <input
            id="hf-fork-unit"
            value={unit}
            placeholder="e.g. engineering"
            maxLength={64}
            onChange={(e) => setUnit(e.target.value)}
            aria-describedby="hf-fork-unit-hint"
            data-testid="fork-business-unit"
          />
          <p id="hf-fork-unit-hint" className="hf-muted">
            You belong to no business unit yet, so name the one this workflow is for.
          </p>
        </div>
      )}
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
              {t.lockedStates.length > 0 && ` · ${t.lockedStates.length} locked compliance step(s)`}
            </p>
            <button
              type="button"
              className="hf-button hf-button--primary"
              disabled={busy !== null || (needsUnit && unit.trim() === '')}
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
