import { type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { StateNode } from '../../flow/flowTypes.ts';
import { NodeShell } from './NodeShell.tsx';
import { SpecHandle } from './SpecHandle.tsx';

/** An end of the workflow, with its outcome (hired, rejected…). Nothing leaves it. */
export const FinalNode = memo(function FinalNode({ data, selected }: NodeProps<StateNode>) {
  return (
    <NodeShell
      data={data}
      selected={selected}
      className={`hf-outcome--${data.outcome ?? 'completed'}`}
      sources={
        <SpecHandle
          type="source"
          position={Position.Right}
          id="out"
          isConnectable={false}
          className="hf-handle--hidden"
        />
      }
    >
      <div className="hf-node__outcome">{data.outcome}</div>
    </NodeShell>
  );
});
