import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import type { SpecEdge } from '../../flow/flowTypes.ts';

/** An SLA/escalation timer that moves the instance: dashed, amber, with a clock and the ladder rung in words. */
export const SlaEdge = memo(function SlaEdge(props: EdgeProps<SpecEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 12, offset: 30 });
  const mark = props.data?.mark;
  const classes = ['hf-edge', 'hf-edge--sla', props.selected ? 'is-selected' : '', mark ? `is-${mark}` : '']
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
          SLA · {props.data?.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
