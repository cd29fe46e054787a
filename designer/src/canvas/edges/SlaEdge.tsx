import { type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import type { SpecEdge } from '../../flow/flowTypes.ts';
import { LabelledEdge } from './LabelledEdge.tsx';

/** An SLA/escalation timer that moves the instance: dashed, amber, with a clock and the ladder rung in words. */
export const SlaEdge = memo(function SlaEdge(props: EdgeProps<SpecEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 12, offset: 30 });
  const mark = props.data?.mark;
  const classes = ['hf-edge', 'hf-edge--sla', props.selected ? 'is-selected' : '', mark ? `is-${mark}` : '']
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
      SLA · {props.data?.label}
    </LabelledEdge>
  );
});
