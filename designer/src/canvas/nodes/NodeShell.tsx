import { Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { StateNodeData } from '../../flow/flowTypes.ts';
import { SpecHandle } from './SpecHandle.tsx';

const KIND_NAMES: Record<StateNodeData['kind'], string> = {
  milestone: 'Milestone',
  approval: 'Approval',
  decision: 'Decision',
  parallel: 'Parallel',
  final: 'Outcome',
};

/** The frame every state card shares: handles, title, kind, lock and SLA badges. */
export function NodeShell(props: {
  data: StateNodeData;
  selected: boolean;
  children?: ReactNode;
  sources?: ReactNode;
  className?: string;
}) {
  const { data, selected } = props;
  const classes = [
    'hf-node',
    `hf-node--${data.kind}`,
    props.className,
    selected ? 'is-selected' : '',
    data.mark ? `is-${data.mark}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article
      className={classes}
      data-testid={`node-${data.stateId}`}
      aria-label={`${KIND_NAMES[data.kind]} ${data.label}`}
    >
      <SpecHandle type="target" position={Position.Left} id="in" />
      <div className="hf-node__head">
        <span className="hf-node__kind">{KIND_NAMES[data.kind]}</span>
        {data.initial && <span className="hf-badge hf-badge--start">start</span>}
        {data.locked && (
          <span className="hf-badge hf-badge--lock" title="Locked compliance step">
            locked
          </span>
        )}
      </div>
      <div className="hf-node__title">{data.label}</div>
      {data.owner && <div className="hf-node__meta">owner: {data.owner.replaceAll('_', ' ')}</div>}
      {props.children}
      {data.slaBadges.map((badge) => (
        <div key={badge} className="hf-node__sla" title="SLA timer">
          SLA · {badge}
        </div>
      ))}
      {data.anyState && data.anyState.length > 0 && (
        <div
          className="hf-node__any"
          title={data.anyState.map((a) => a.title).join('\n')}
          data-testid={`any-state-${data.stateId}`}
        >
          <span aria-hidden="true">↯</span> {data.anyState.map((a) => a.name).join(' · ')}
        </div>
      )}
      {props.sources ?? <SpecHandle type="source" position={Position.Right} id="out" />}
    </article>
  );
}
