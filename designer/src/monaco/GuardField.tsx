import type { Diagnostic } from '@hireflow/runtime/compiler';
import { lazy, Suspense, useId } from 'react';
import { TextField } from '../inspector/fields.tsx';

const GuardEditor = lazy(() => import('./GuardEditor.tsx'));

/**
 * A guard field: Monaco once it has loaded (lazily, on first use), a plain input until then.
 * Shows the compiler's message under it as well, for screen readers and before Monaco is ready.
 */
export function GuardField(props: {
  label: string;
  value: string;
  diagnostics: Diagnostic[];
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const fallback = (
    <TextField label={props.label} value={props.value} testId="guard-input" onCommit={props.onCommit} />
  );
  return (
    <div className="hf-field">
      <span id={id} className="hf-field__label">
        {props.label}
      </span>
      <Suspense fallback={fallback}>
        <GuardEditor
          value={props.value}
          diagnostics={props.diagnostics}
          onCommit={props.onCommit}
          ariaLabel={props.label}
        />
      </Suspense>
      {props.diagnostics.map((d) => (
        <p
          key={`${d.code}-${d.message}`}
          className={`hf-field__error hf-field__error--${d.severity}`}
          data-testid="guard-error"
          aria-describedby={id}
        >
          {d.message}
        </p>
      ))}
    </div>
  );
}
