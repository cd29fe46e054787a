import type { SpecDiff } from '@hireflow/runtime/compiler';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { EditorApi } from '../editor/useEditor.ts';
import { diffMarks } from '../flow/diffMarks.ts';
import type { FlowMarks } from '../flow/markFlow.ts';
import { describeError, useAsync } from './useAsync.ts';

/** Published versions: history, visual diff of two versions on the canvas, restore into the draft. */
export function VersionsPanel(props: {
  workflowId: string;
  editor: EditorApi;
  setMarks: (marks: FlowMarks) => void;
  refreshKey: number;
}) {
  const [state] = useAsync(() => api.listVersions(props.workflowId), [props.workflowId, props.refreshKey]);
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('draft');
  const [diff, setDiff] = useState<SpecDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (state.status === 'loading') return <p className="hf-muted">Loading versions…</p>;
  if (state.status === 'error') return <p className="hf-field__error">{state.message}</p>;
  const versions = state.value.items;
  const asRef = (v: string) => (v === 'draft' ? 'draft' : Number(v));
  const compare = async () => {
    setError(null);
    try {
      const result = await api.diff(props.workflowId, asRef(from), asRef(to));
      setDiff(result.diff);
      props.setMarks(diffMarks(result.diff));
    } catch (e) {
      setError(describeError(e));
    }
  };
  const restore = async (n: number) => {
    try {
      const { version } = await api.getVersion(props.workflowId, n);
      props.editor.replace(version.spec);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <section data-testid="versions-panel" aria-label="Versions">
      {versions.length === 0 && (
        <p className="hf-muted">Not published yet. Publish to make the first version.</p>
      )}
      <ol className="hf-versions" data-testid="version-list">
        {versions.map((v) => (
          <li key={v.number} data-testid={`version-${v.number}`}>
            <strong>v{v.number}</strong> · {v.publishedBy.name} · {new Date(v.publishedAt).toLocaleString()}
            <p>{v.changelog}</p>
            <button type="button" className="hf-link" onClick={() => void restore(v.number)}>
              Restore into draft
            </button>
          </li>
        ))}
      </ol>
      {versions.length > 0 && (
        <fieldset>
          <legend>Compare</legend>
          <div className="hf-row">
            <select
              aria-label="From version"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              data-testid="diff-from"
            >
              <option value="">from…</option>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
            <select
              aria-label="To version"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="diff-to"
            >
              <option value="draft">draft</option>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="hf-button"
              disabled={!from}
              onClick={() => void compare()}
              data-testid="diff-run"
            >
              Compare
            </button>
            {diff && (
              <button
                type="button"
                className="hf-link"
                onClick={() => {
                  setDiff(null);
                  props.setMarks({ nodes: new Map(), edges: new Map() });
                }}
              >
                Clear
              </button>
            )}
          </div>
        </fieldset>
      )}
      {error && <p className="hf-field__error">{error}</p>}
      {diff && (
        <ul className="hf-diff-list" data-testid="diff-list">
          {diff.entries.length === 0 && <li className="hf-muted">No differences.</li>}
          {diff.entries.map((e) => (
            <li key={`${e.kind}-${e.id}-${e.change}`} className={`hf-diff hf-diff--${e.change}`}>
              <span className="hf-badge">{e.change}</span> {e.summary}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
