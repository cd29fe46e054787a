import type { DeliveryOutcome } from '../api/webhookDeliveryTypes.ts';

const TONE: Record<DeliveryOutcome, 'ok' | 'warn' | 'bad' | 'plain'> = {
  started: 'ok',
  applied: 'ok',
  already_started: 'plain',
  duplicate: 'plain',
  no_mapping: 'warn',
  no_instance: 'warn',
  refused: 'bad',
  invalid_signature: 'bad',
  malformed: 'bad',
  oversized: 'bad',
  failed: 'bad',
};

/** A delivery's outcome as a coloured badge (words, not only colour). */
export function OutcomeBadge(props: { outcome: DeliveryOutcome }) {
  return (
    <span
      className={`hf-badge hf-outcome-badge--${TONE[props.outcome] ?? 'plain'}`}
      data-testid="delivery-outcome-badge"
    >
      {props.outcome.replaceAll('_', ' ')}
    </span>
  );
}
