import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StateNode } from '../../flow/flowTypes.ts';
import { NodeShell } from './NodeShell.tsx';

/** Branches immediately on guards; its edges carry the conditions. */
export const DecisionNode = memo(function DecisionNode({ data, selected }: NodeProps<StateNode>) {
  return <NodeShell data={data} selected={selected} className="hf-node--diamond" />;
});
