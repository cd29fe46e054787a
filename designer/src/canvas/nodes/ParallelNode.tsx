import { type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { StateNode } from '../../flow/flowTypes.ts';
import { NodeShell } from './NodeShell.tsx';
import { SpecHandle } from './SpecHandle.tsx';

/** Independent tracks that must all finish; the track states are child nodes drawn inside. */
export const ParallelNode = memo(function ParallelNode({ data, selected }: NodeProps<StateNode>) {
  const sources = (
    <>
      <SpecHandle type="source" position={Position.Right} id="out" style={{ top: 24 }} title="event" />
      <SpecHandle
        type="source"
        position={Position.Right}
        id="done"
        className="hf-handle--done"
        title="all tracks done"
      />
    </>
  );
  return (
    <NodeShell data={data} selected={selected} sources={sources} className="hf-node--group">
      <div className="hf-tracks">
        {(data.tracks ?? []).map((track) => (
          <span key={track.id} className="hf-tracks__track">
            {track.label}
          </span>
        ))}
      </div>
    </NodeShell>
  );
});
