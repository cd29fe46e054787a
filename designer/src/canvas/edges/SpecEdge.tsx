import { type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { SpecEdge as SpecEdgeType } from '../../flow/flowTypes.ts';
import { LabelledEdge } from './LabelledEdge.tsx';

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
    <LabelledEdge
      id={props.id}
      path={path}
      labelX={labelX}
      labelY={labelY}
      markerEnd={props.markerEnd}
      classes={classes}
    >
      {data?.order && (
        <span
          className="hf-edge-order"
          title={`Tried ${data.order.position} of ${data.order.of}: the first whose condition holds is taken`}
          data-testid={`edge-order-${props.id}`}
        >
          {data.order.position}
        </span>
      )}
      {data?.label}
      {data?.guard && data.role === 'transition' && (
        <span className="hf-edge-label__guard">if {data.guard}</span>
      )}
    </LabelledEdge>
  );
});
