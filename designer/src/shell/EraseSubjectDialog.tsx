import { ERASURE_REASONS } from '@hireflow/runtime/model';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { describeError } from './useAsync.ts';

const LABELS: Record<(typeof ERASURE_REASONS)[number], string> = {
  data_subject_request: 'The person asked for erasure',
  retention_policy: 'The retention period has passed',
  legal_obligation: 'A legal obligation',
  consent_withdrawn: 'Consent was withdrawn',
  other: 'Other',
};

/**
 * Confirms the erasure of a subject's personal data: a reason from the closed list and an optional
 * case number (never a name: it is written to the audit log). Erasure cannot be undone.
 */
export function EraseSubjectDialog(props: { subjectId: string; onClose: (erased: boolean) => void }) {
  const [reason, setReason] = useState<(typeof ERASURE_REASONS)[number]>('data_subject_request');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.eraseSubject(props.subjectId, {
        reason,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      setDone(
        result.erased
          ? `Erased. The erasure is recorded on ${result.instances} instance(s).`
          : 'This subject was already erased.',
      );
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hf-overlay" role="presentation">
      <div className="hf-dialog" role="dialog" aria-label="Erase personal data" data-testid="erase-dialog">
        <h2>Erase personal data of {props.subjectId}</h2>
        <p>
          Every personal field, note and comment about this person becomes unreadable for good, in this
          database and in every export. The process history stays and still verifies. This cannot be undone.
        </p>
        <label className="hf-field">
          <span>Reason</span>
          <select
            value={reason}
            onChange={(e) => setReason(e.target.value as typeof reason)}
            data-testid="erase-reason"
          >
            {ERASURE_REASONS.map((r) => (
              <option key={r} value={r}>
                {LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="hf-field">
          <span>Case number (optional, no names)</span>
          <input
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            placeholder="DSR-2026-0042"
            data-testid="erase-reference"
          />
        </label>
        {error && <p className="hf-field__error">{error}</p>}
        {done && <p data-testid="erase-done">{done}</p>}
        <div className="hf-row">
          {!done && (
            <button
              type="button"
              className="hf-button hf-button--danger"
              disabled={busy}
              onClick={() => void erase()}
              data-testid="erase-confirm"
            >
              Erase permanently
            </button>
          )}
          <button type="button" className="hf-button" onClick={() => props.onClose(done !== null)}>
            {done ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </div>
  );
}
