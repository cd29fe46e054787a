import { type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { StateNode } from '../../flow/flowTypes.ts';
import { NodeShell } from './NodeShell.tsx';
import { SpecHandle } from './SpecHandle.tsx';

/** An approval chain: its ordered steps with approvers and mode; approved/rejected handles. */
export const ApprovalNode = memo(function ApprovalNode({ data, selected }: NodeProps<StateNode>) {
  const sources = (
    <>
      <SpecHandle type="source" position={Position.Right} id="out" style={{ top: '30%' }} title="event" />
      <SpecHandle
        type="source"
        position={Position.Right}
        id="approved"
        className="hf-handle--approved"
        style={{ top: '70%' }}
        title="approved"
      />
      <SpecHandle
        type="source"
        position={Position.Bottom}
        id="rejected"
        className="hf-handle--rejected"
        title="rejected"
      />
    </>
  );
  return (
    <NodeShell data={data} selected={selected} sources={sources}>
      <ol className="hf-steps">
        {(data.steps ?? []).map((step) => (
          <li key={step.id}>
            <span className="hf-steps__label">{step.label}</span>
            <span className="hf-steps__who">{step.approvers.join(', ') || 'no approvers'}</span>
            <span className="hf-steps__mode">{step.mode}</span>
          </li>
        ))}
      </ol>
    </NodeShell>
  );
});
