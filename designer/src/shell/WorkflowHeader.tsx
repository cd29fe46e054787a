import { useState } from 'react';
import type { Draft } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import type { EditorApi } from '../editor/useEditor.ts';
import { describeError } from './useAsync.ts';
import { useAutosave } from './useAutosave.ts';

/** Save state (autosave, conflicts) and the publish dialog of a server-backed workflow. */
export function WorkflowHeader(props: {
  workflowId: string;
  draft: Draft;
  editor: EditorApi;
  blockedBy: string | null;
  onPublished: () => void;
}) {
  const { editor } = props;
  const save = useAutosave(props.workflowId, editor.spec, props.draft);
  const [dialog, setDialog] = useState(false);
  const [changelog, setChangelog] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = save.status;
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const revision = await save.flush();
      const result = await api.publish(props.workflowId, changelog, revision);
      setDialog(false);
      setChangelog('');
      props.onPublished();
      if (result.unchanged) setError('Nothing changed since the last version; no new version was made.');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <span className={`hf-save hf-save--${status.kind}`} data-testid="save-status" role="status">
        {status.kind === 'saved' && 'All changes saved'}
        {status.kind === 'saving' && 'Saving…'}
        {status.kind === 'unsaved' && 'Unsaved changes'}
        {status.kind === 'error' && `Not saved: ${status.message}`}
        {status.kind === 'conflict' && 'Someone else saved this draft'}
      </span>
      {status.kind === 'conflict' && status.theirs && (
        <span className="hf-row" data-testid="conflict">
          <button
            type="button"
            className="hf-button"
            onClick={() => {
              if (!status.theirs) return;
              save.acceptTheirs(status.theirs);
              editor.load(status.theirs.spec);
            }}
          >
            Load their version
          </button>
          <button
            type="button"
            className="hf-button"
            onClick={() => status.theirs && save.keepMine(status.theirs)}
          >
            Keep mine
          </button>
        </span>
      )}
      <span title={props.blockedBy ?? 'Publish a new version'}>
        <button
          type="button"
          className="hf-button hf-button--primary"
          disabled={props.blockedBy !== null}
          onClick={() => setDialog(true)}
          data-testid="publish"
          aria-describedby={props.blockedBy ? 'hf-publish-reason' : undefined}
        >
          Publish
        </button>
      </span>
      {props.blockedBy && (
        <span id="hf-publish-reason" className="hf-publish-reason" data-testid="publish-blocked-reason">
          {props.blockedBy}
        </span>
      )}
      {error && !dialog && <span className="hf-field__error">{error}</span>}
      {dialog && (
        <div
          className="hf-overlay"
          role="dialog"
          aria-modal="true"
          aria-labelledby="hf-publish-title"
          data-testid="publish-dialog"
        >
          <div className="hf-dialog">
            <h2 id="hf-publish-title">Publish a new version</h2>
            <p className="hf-muted">Running instances stay on their version. New instances use this one.</p>
            <div className="hf-field">
              <label htmlFor="hf-changelog">What changed?</label>
              <textarea
                id="hf-changelog"
                rows={4}
                value={changelog}
                onChange={(e) => setChangelog(e.target.value)}
                data-testid="publish-changelog"
              />
            </div>
            {error && (
              <p className="hf-field__error" role="alert">
                {error}
              </p>
            )}
            <div className="hf-row">
              <button type="button" className="hf-button" onClick={() => setDialog(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="hf-button hf-button--primary"
                disabled={busy || changelog.trim() === ''}
                onClick={() => void publish()}
                data-testid="publish-confirm"
              >
                {busy ? 'Publishing…' : 'Publish'}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
