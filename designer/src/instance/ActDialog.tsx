import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { describeError } from '../shell/useAsync.ts';
import type { InstanceAction } from './instanceActions.ts';

/**
 * Confirms one action on an instance (with the note it needs, e.g. a disposition reason) and sends it.
 * A modal dialog that also fits a phone screen.
 */
export function ActDialog(props: {
  instanceId: string;
  action: InstanceAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const missingNote = props.action.requiresNote && !note.trim();
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.sendEvent(props.instanceId, props.action.event, note.trim() || undefined);
      props.onDone();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="hf-dialog hf-act-dialog"
      aria-labelledby={`${id}-title`}
      onClose={props.onClose}
      data-testid="act-dialog"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h2 id={`${id}-title`}>{props.action.label}</h2>
        <div className="hf-field">
          <label htmlFor={`${id}-note`}>
            {props.action.requiresNote ? 'Note (required: the reason)' : 'Note (optional)'}
          </label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="act-note"
          />
        </div>
        {error && (
          <p className="hf-field__error" role="alert">
            {error}
          </p>
        )}
        <div className="hf-row">
          <button type="button" className="hf-button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="hf-button hf-button--primary"
            disabled={busy || missingNote}
            data-testid="act-confirm"
          >
            {props.action.label}
          </button>
        </div>
      </form>
    </dialog>
  );
}
