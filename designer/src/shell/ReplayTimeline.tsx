import type { WorkflowSpec } from '@hireflow/runtime/model';
import { useEffect, useState } from 'react';
import type { AuditEntry, VerifyResult, WhatIfResult } from '../api/apiTypes.ts';
import { api } from '../api/client.ts';
import type { FlowMark } from '../flow/flowTypes.ts';
import { type FlowMarks, NO_MARKS } from '../flow/markFlow.ts';
import { stateName } from '../spec/stateOptions.ts';
import { describeActor } from './describeActor.ts';
import { describeError, useAsync } from './useAsync.ts';

// One constant, not a fresh `[]` per render: the marks effect depends on it, and setting marks
// re-renders this panel (a new array each time looped until React gave up, error #185).
const NO_ENTRIES: readonly AuditEntry[] = [];

/** Canvas marks for the replay at `index`: the path so far visited, the state then current active. */
export function replayMarks(entries: readonly AuditEntry[], index: number): FlowMarks {
  const nodes = new Map<string, FlowMark>();
  for (const entry of entries.slice(0, index + 1)) for (const id of entry.to) nodes.set(id, 'visited');
  for (const id of entries[index]?.to ?? []) nodes.set(id, 'active');
  return { nodes, edges: new Map() };
}

/** The audit seq of the first recorded step the other version refuses or ends elsewhere, if any. */
export function divergence(entries: readonly AuditEntry[], result: WhatIfResult): number | undefined {
  for (const step of result.path) {
    const recorded = entries.find((e) => e.idx === step.idx);
    if (step.refused || (recorded && recorded.to.join('/') !== step.to.join('/')))
      return recorded?.seq ?? step.idx + 1;
  }
  return undefined;
}

/** A scrubber over one instance's audit entries, with chain verification and a what-if replay. */
export function ReplayTimeline(props: {
  instanceId: string;
  setMarks: (marks: FlowMarks) => void;
  /** The version that ran the instance: names its states. */
  spec?: WorkflowSpec | undefined;
}) {
  const names = (ids: readonly string[]) => ids.map((id) => stateName(props.spec, id)).join(' / ');
  const [state] = useAsync(async () => {
    const [entries, verify] = await Promise.all([
      api.auditEntries(props.instanceId),
      api.verifyInstance(props.instanceId),
    ]);
    return { entries: entries.items, verify };
  }, [props.instanceId]);
  const [index, setIndex] = useState(0);
  const [whatIfVersion, setWhatIfVersion] = useState('');
  const [whatIf, setWhatIf] = useState<(WhatIfResult & { divergedAt: number | undefined }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entries = state.status === 'ok' ? state.value.entries : NO_ENTRIES;
  const { setMarks } = props;
  useEffect(() => setMarks(replayMarks(entries, index)), [entries, index, setMarks]);
  // Leaving the replay leaves the canvas unmarked.
  useEffect(() => () => setMarks(NO_MARKS), [setMarks]);

  if (state.status === 'loading') return <p className="hf-muted">Loading the audit trail…</p>;
  if (state.status === 'error') return <p className="hf-field__error">{state.message}</p>;
  const verify: VerifyResult = state.value.verify;
  const entry = entries[index];
  const runWhatIf = async () => {
    setError(null);
    try {
      const result = await api.whatIf(props.instanceId, Number(whatIfVersion));
      setWhatIf({ ...result, divergedAt: divergence(entries, result) });
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <section className="hf-replay" data-testid="replay-timeline" aria-label="Replay">
      <p data-testid="verify-result" className={verify.ok ? 'hf-ok' : 'hf-field__error'}>
        {verify.ok
          ? `✔ Chain intact (${verify.entries} entries)`
          : `✖ Tampered: first bad entry #${verify.firstBad?.seq} (${verify.firstBad?.reason})`}
      </p>
      {entries.length > 0 && (
        <>
          <input
            type="range"
            min={0}
            max={entries.length - 1}
            value={index}
            onChange={(e) => setIndex(Number(e.target.value))}
            aria-label="Step"
            data-testid="replay-scrubber"
          />
          {entry && (
            <dl className="hf-context" data-testid="replay-entry">
              <div>
                <dt>Step</dt>
                <dd>
                  #{entry.seq} {entry.kind}
                </dd>
              </div>
              <div>
                <dt>When</dt>
                <dd>{new Date(entry.at).toLocaleString()}</dd>
              </div>
              <div>
                <dt>Who</dt>
                <dd>{describeActor(entry.actor)}</dd>
              </div>
              <div>
                <dt>Event</dt>
                <dd>{entry.event.type}</dd>
              </div>
              <div>
                <dt>Move</dt>
                <dd>
                  {names(entry.from) || '—'} → {names(entry.to)}
                </dd>
              </div>
              {entry.note && (
                <div>
                  <dt>Note</dt>
                  {/* Notes are stored sealed under the subject's key ("$pii:…", docs/runtime.md). */}
                  <dd>{entry.note.startsWith('$pii:') ? '(personal data, sealed)' : entry.note}</dd>
                </div>
              )}
              {entry.refusal && (
                <div>
                  <dt>Refused</dt>
                  <dd>{entry.refusal.message}</dd>
                </div>
              )}
              {entry.contextPatch && (
                <div>
                  <dt>Changed</dt>
                  <dd>
                    <code>{JSON.stringify(entry.contextPatch)}</code>
                  </dd>
                </div>
              )}
            </dl>
          )}
        </>
      )}
      <div className="hf-row">
        <input
          aria-label="What-if version"
          placeholder="version #"
          value={whatIfVersion}
          onChange={(e) => setWhatIfVersion(e.target.value)}
          data-testid="whatif-version"
        />
        <button
          type="button"
          className="hf-button"
          disabled={!/^\d+$/.test(whatIfVersion)}
          onClick={() => void runWhatIf()}
          data-testid="whatif-run"
        >
          What if
        </button>
      </div>
      {error && <p className="hf-field__error">{error}</p>}
      {whatIf && (
        <p data-testid="whatif-result">
          On v{whatIfVersion} it would end in <strong>{names(whatIf.finalState)}</strong>
          {whatIf.divergedAt !== undefined ? `, diverging at step #${whatIf.divergedAt}` : ', the same path'}.
        </p>
      )}
    </section>
  );
}
