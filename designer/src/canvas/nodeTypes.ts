import type { NodeTypes } from '@xyflow/react';
import { ApprovalNode } from './nodes/ApprovalNode.tsx';
import { DecisionNode } from './nodes/DecisionNode.tsx';
import { FinalNode } from './nodes/FinalNode.tsx';
import { MilestoneNode } from './nodes/MilestoneNode.tsx';
import { ParallelNode } from './nodes/ParallelNode.tsx';

/** Module constant so React Flow never remounts nodes (a new object per render would). */
export const nodeTypes: NodeTypes = {
  milestone: MilestoneNode,
  approval: ApprovalNode,
  decision: DecisionNode,
  parallel: ParallelNode,
  final: FinalNode,
};
