import type { StateKind } from '@hireflow/runtime/model';
import type { DragEvent } from 'react';

/** MIME type of a palette drag, read by the canvas drop handler. */
export const PALETTE_MIME = 'application/x-hireflow-state-kind';

const ITEMS: { kind: StateKind; label: string; hint: string }[] = [
  { kind: 'milestone', label: 'Milestone', hint: 'A stage, e.g. Phone screen' },
  { kind: 'approval', label: 'Approval', hint: 'Approver steps, all/any/quorum' },
  { kind: 'decision', label: 'Decision', hint: 'Branch on a condition' },
  { kind: 'parallel', label: 'Parallel', hint: 'Tracks that all must finish' },
  { kind: 'final', label: 'Outcome', hint: 'Hired, rejected, withdrawn…' },
];

/** Drag a kind onto the canvas, or click to add it in the middle of the view. */
export function Palette(props: { onAdd: (kind: StateKind) => void }) {
  const onDragStart = (event: DragEvent, kind: StateKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <nav className="hf-palette" aria-label="Add a state">
      <h2 className="hf-panel-title">Add</h2>
      {ITEMS.map((item) => (
        <button
          key={item.kind}
          type="button"
          draggable
          className={`hf-palette__item hf-palette__item--${item.kind}`}
          data-testid={`palette-${item.kind}`}
          onDragStart={(event) => onDragStart(event, item.kind)}
          onClick={() => props.onAdd(item.kind)}
          title={item.hint}
        >
          <span className="hf-palette__label">{item.label}</span>
          <span className="hf-palette__hint">{item.hint}</span>
        </button>
      ))}
    </nav>
  );
}
