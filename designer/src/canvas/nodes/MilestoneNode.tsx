import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StateNode } from '../../flow/flowTypes.ts';
import { NodeShell } from './NodeShell.tsx';

/** A stage of the hiring process (screen, interviews, offer…). */
export const MilestoneNode = memo(function MilestoneNode({ data, selected }: NodeProps<StateNode>) {
  return <NodeShell data={data} selected={selected} />;
});
