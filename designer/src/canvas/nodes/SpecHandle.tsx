import { Handle, type HandleProps, type ReactFlowState, useStore } from '@xyflow/react';
import type { HTMLAttributes } from 'react';

const canConnect = (state: ReactFlowState) => state.nodesConnectable;

/**
 * A handle that follows the canvas' `nodesConnectable`: in the read-only designer no arrow can be
 * started or dropped on a state (React Flow's own Handle is connectable unless told otherwise).
 */
export function SpecHandle(props: HandleProps & Omit<HTMLAttributes<HTMLDivElement>, 'id'>) {
  const connectable = useStore(canConnect);
  return <Handle {...props} isConnectable={connectable} />;
}
