import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import type { EditorApi } from '../editor/useEditor.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { describePublished } from './publishOutcome.ts';
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
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = save.status;
  // The success message describes the version just published: the next edit makes it stale.
  const publishedSpec = useRef<unknown>(null);
  useEffect(() => {
    if (publishedSpec.current !== null && publishedSpec.current !== editor.spec) setNotice(null);
  }, [editor.spec]);
  const publish = async (changelog: string, makeDefault: boolean) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const revision = await save.flush();
      const result = await api.publish(props.workflowId, changelog, revision, makeDefault);
      setDialog(false);
      publishedSpec.current = editor.spec;
      setNotice(describePublished(result));
      props.onPublished();
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
      {notice && !dialog && (
        <span className="hf-publish-notice" role="status" data-testid="publish-notice">
          {notice}
        </span>
      )}
      {dialog && (
        <PublishDialog
          workflowId={props.workflowId}
          busy={busy}
          error={error}
          onCancel={() => {
            setDialog(false);
            setError(null);
          }}
          onPublish={(changelog, makeDefault) => void publish(changelog, makeDefault)}
        />
      )}
    </>
  );
}
