import type { Diagnostic } from '@hireflow/runtime/compiler';
import type { StateSpec } from '@hireflow/runtime/model';
import { moveTransition, sameEventOrder, type TransitionMove } from '../commands/moveTransition.ts';

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/**
 * The transition's place among those on the same event (the engine tries them in order and takes the
 * first whose condition holds), with undoable moves, and the one-click fix of a shadowed transition.
 */
export function TransitionOrder(props: {
  state: StateSpec;
  transitionId: string;
  event: string | undefined;
  diagnostics: Diagnostic[];
  onChange: (state: StateSpec) => void;
}) {
  const order = sameEventOrder(props.state, props.transitionId);
  const shadow = props.diagnostics.find((d) => d.code === 'TRANSITION_SHADOWED' && d.shadowedBy);
  if (order.length < 2 && !shadow) return null;
  const position = order.indexOf(props.transitionId) + 1;
  const move = (how: TransitionMove) => {
    const next = moveTransition(props.state, props.transitionId, how);
    if (next) props.onChange(next);
  };
  return (
    <div className="hf-transition-order" data-testid="transition-order">
      <p>
        Tried <strong>{ordinal(position)}</strong> of {order.length}{' '}
        {props.event ? `on ${props.event}` : 'branches'}: the first whose condition holds is taken.
      </p>
      <div className="hf-row">
        <button
          type="button"
          className="hf-button"
          disabled={position <= 1}
          onClick={() => move('earlier')}
          data-testid="transition-earlier"
        >
          Try earlier
        </button>
        <button
          type="button"
          className="hf-button"
          disabled={position >= order.length}
          onClick={() => move('later')}
          data-testid="transition-later"
        >
          Try later
        </button>
        {shadow?.shadowedBy && (
          <button
            type="button"
            className="hf-button hf-button--primary"
            onClick={() => move({ before: shadow.shadowedBy ?? '' })}
            data-testid="transition-move-above"
          >
            Move above “{shadow.shadowedBy}”
          </button>
        )}
      </div>
    </div>
  );
}
