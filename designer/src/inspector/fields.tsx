import type { Recipient } from '@hireflow/runtime/model';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';

/** "hiring_manager, user:ana@acme.test" ⇄ recipients. */
export function formatRecipients(recipients: readonly Recipient[]): string {
  return recipients.map((r) => ('role' in r ? r.role : `user:${r.user}`)).join(', ');
}
export function parseRecipients(text: string): Recipient[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part.startsWith('user:') ? { user: part.slice(5).trim() } : { role: part }));
}

/**
 * A labelled text input that commits on blur or Enter, so one edit is one undo step (not one per key).
 */
export function TextField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  testId?: string;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
}) {
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    if (draft !== props.value) props.onCommit(draft);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !props.multiline) commit();
    if (event.key === 'Escape') setDraft(props.value);
  };
  const common = {
    id,
    value: draft,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    onBlur: commit,
    onKeyDown,
  };
  return (
    <div className="hf-field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => setDraft(e.target.value)} />
      )}
    </div>
  );
}

/** A labelled checkbox that commits at once. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label className="hf-check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

/** A labelled select. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[] | readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="hf-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => {
          const option = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          );
        })}
      </select>
    </div>
  );
}
