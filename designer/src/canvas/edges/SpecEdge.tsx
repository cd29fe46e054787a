import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { SpecEdge as SpecEdgeType } from '../../flow/flowTypes.ts';

/** An event transition, decision branch or outcome edge, labelled with its event and guard. */
export const SpecEdge = memo(function SpecEdge(props: EdgeProps<SpecEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const data = props.data;
  const classes = [
    'hf-edge',
    `hf-edge--${data?.role ?? 'transition'}`,
    props.selected ? 'is-selected' : '',
    data?.mark ? `is-${data.mark}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        className={classes}
      />
      <EdgeLabelRenderer>
        <div
          className={`hf-edge-label ${classes}`}
          data-testid={`edge-${props.id}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {data?.label}
          {data?.guard && data.role === 'transition' && (
            <span className="hf-edge-label__guard">if {data.guard}</span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
