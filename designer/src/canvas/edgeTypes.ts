import type { EdgeTypes } from '@xyflow/react';
import { SlaEdge } from './edges/SlaEdge.tsx';
import { SpecEdge } from './edges/SpecEdge.tsx';

/** Module constant (see nodeTypes). */
export const edgeTypes: EdgeTypes = { spec: SpecEdge, sla: SlaEdge };
