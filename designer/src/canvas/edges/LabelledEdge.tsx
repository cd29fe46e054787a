import { BaseEdge, EdgeLabelRenderer } from '@xyflow/react';
import type { ReactNode } from 'react';

/** The drawing shared by every edge kind: the path, and its label centred on the path's midpoint. */
export function LabelledEdge(props: {
  id: string;
  path: string;
  labelX: number;
  labelY: number;
  markerEnd?: string | undefined;
  classes: string;
  children: ReactNode;
}) {
  return (
    <>
      <BaseEdge
        id={props.id}
        path={props.path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        className={props.classes}
      />
      <EdgeLabelRenderer>
        <div
          className={`hf-edge-label ${props.classes}`}
          data-testid={`edge-${props.id}`}
          style={{ transform: `translate(-50%, -50%) translate(${props.labelX}px, ${props.labelY}px)` }}
        >
          {props.children}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
