import type { WorkflowSpec } from '@hireflow/runtime/model';
import { findState } from '@hireflow/runtime/model';
import { Panel } from '@xyflow/react';
import { useId, useState } from 'react';
import type { Connection } from '../commands/connect.ts';
import { stateOptions } from '../spec/stateOptions.ts';

const HANDLES: Record<string, { value: string; label: string }[]> = {
  approval: [
    { value: 'approved', label: 'when approved' },
    { value: 'rejected', label: 'when rejected' },
    { value: 'out', label: 'on an event' },
  ],
  parallel: [
    { value: 'done', label: 'when all tracks are done' },
    { value: 'out', label: 'on an event' },
  ],
};

/**
 * The context pad of the one selected state: draws an arrow to another state without a mouse
 * (pick the target by name, Connect). The same `connect` command as dragging a handle.
 */
export function ConnectPad(props: {
  spec: WorkflowSpec;
  stateId: string;
  onConnect: (connection: Connection) => void;
}) {
  const id = useId();
  const state = findState(props.spec, props.stateId)?.state;
  const options = stateOptions(props.spec).filter((o) => o.value !== props.stateId);
  const handles = state ? HANDLES[state.kind] : undefined;
  const [target, setTarget] = useState('');
  const [handle, setHandle] = useState(handles?.[0]?.value ?? 'out');
  const [event, setEvent] = useState('ADVANCE');
  if (!state || state.kind === 'final') return null;
  const connect = () => {
    if (!target) return;
    props.onConnect({
      source: props.stateId,
      target,
      sourceHandle: handle,
      ...(handle === 'out' && state.kind !== 'decision' ? { event: event.trim() || 'ADVANCE' } : {}),
    });
  };
  return (
    <Panel position="top-right" className="hf-connect-pad" data-testid="connect-pad">
      <form
        aria-label={`Connect ${state.label ?? state.id} to another state`}
        onSubmit={(e) => {
          e.preventDefault();
          connect();
        }}
      >
        <label htmlFor={`${id}-target`}>Connect “{state.label ?? state.id}” to</label>
        <select
          id={`${id}-target`}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="connect-target"
        >
          <option value="">choose a state…</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {handles && (
          <select
            aria-label="Which way out"
            value={handle}
            onChange={(e) => setHandle(e.target.value)}
            data-testid="connect-handle"
          >
            {handles.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label}
              </option>
            ))}
          </select>
        )}
        {handle === 'out' && state.kind !== 'decision' && (
          <input
            aria-label="Event"
            value={event}
            onChange={(e) => setEvent(e.target.value)}
            size={10}
            data-testid="connect-event"
          />
        )}
        <button type="submit" className="hf-button" disabled={!target} data-testid="connect-submit">
          Connect
        </button>
      </form>
    </Panel>
  );
}
