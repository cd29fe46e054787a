import { parseSpec, type WorkflowSpec, type WorkflowSpecInput } from '@hireflow/runtime/model';

/** Canvas spacing of generated states (a card is about 220 × 90). */
const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 160;

/**
 * A generated workflow of `stateCount` states: milestones in a chain (one ADVANCE each, so
 * `stateCount - 1` transitions) ending in a Hired outcome, laid out row by row in a square grid, the
 * rows snaking so every arrow is short. For `#/playground/<n>` (the designer bench and anyone curious
 * about large workflows); nothing is saved.
 */
export function generateChainSpec(stateCount: number): WorkflowSpec {
  const count = Math.max(2, Math.floor(stateCount));
  const columns = Math.ceil(Math.sqrt(count));
  const id = (i: number) => (i === count - 1 ? 'hired' : `stage_${i + 1}`);
  const position = (i: number) => {
    const row = Math.floor(i / columns);
    const column = row % 2 === 0 ? i % columns : columns - 1 - (i % columns);
    return { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
  };
  const states: WorkflowSpecInput['states'] = Array.from({ length: count }, (_, i) =>
    i === count - 1
      ? { kind: 'final', id: id(i), label: 'Hired', outcome: 'hired', position: position(i) }
      : {
          kind: 'milestone',
          id: id(i),
          label: `Stage ${i + 1}`,
          position: position(i),
          on: [{ id: `advance_${i + 1}`, event: 'ADVANCE', target: id(i + 1) }],
        },
  );
  const parsed = parseSpec({
    schemaVersion: 2,
    id: `generated_${count}`,
    name: `Generated workflow (${count} states)`,
    initial: id(0),
    states,
  });
  if (!parsed.ok) throw new Error(`generated spec invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.spec;
}
