import type { Diagnostic } from '@hireflow/runtime/compiler';

/** The compiler's findings, errors first; clicking one selects and centers what it is about. */
export function ValidationPanel(props: {
  diagnostics: Diagnostic[];
  pending: boolean;
  onPick: (d: Diagnostic) => void;
}) {
  const sorted = [...props.diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return (
    <section className="hf-validation" aria-label="Problems" data-testid="validation-panel">
      <h2 className="hf-panel-title">
        Problems{' '}
        <span className={errors ? 'hf-count hf-count--error' : 'hf-count'} data-testid="validation-count">
          {errors} error{errors === 1 ? '' : 's'}, {sorted.length - errors} warning
          {sorted.length - errors === 1 ? '' : 's'}
        </span>
        {props.pending && <span className="hf-muted"> checking…</span>}
      </h2>
      {sorted.length === 0 && !props.pending && (
        <p className="hf-muted">No problems. This workflow can be published.</p>
      )}
      <ul className="hf-validation__list">
        {sorted.map((d) => (
          <li key={`${d.path}|${d.code}|${d.message}`}>
            <button
              type="button"
              className={`hf-diagnostic hf-diagnostic--${d.severity}`}
              data-testid="diagnostic"
              data-code={d.code}
              onClick={() => props.onPick(d)}
            >
              <span className="hf-diagnostic__icon" aria-hidden="true">
                {d.severity === 'error' ? '⛔' : '⚠'}
              </span>
              <span className="hf-diagnostic__message">{d.message}</span>
              <span className="hf-diagnostic__path">{d.path}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
