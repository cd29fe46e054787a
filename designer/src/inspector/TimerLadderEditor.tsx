import { type ActionSpec, DURATION_UNITS, type TimerSpec } from '@hireflow/runtime/model';
import { uniqueId } from '../spec/specTree.ts';
import type { StateOption } from '../spec/stateOptions.ts';
import { CheckField, formatRecipients, parseRecipients, SelectField, TextField } from './fields.tsx';

const UNIT_LABELS = {
  businessDays: 'business days',
  businessHours: 'business hours',
  days: 'calendar days',
  hours: 'hours',
  minutes: 'minutes',
} as const;

function notifyOf(actions: readonly ActionSpec[]) {
  return actions.find((a) => a.type === 'notify');
}
function reassignOf(actions: readonly ActionSpec[]) {
  return actions.find((a) => a.type === 'assignOwner');
}

/** Rebuilds a timer's actions from the two things the ladder form edits: who is notified, who takes over. */
function withActions(timer: TimerSpec, notify: string, reassign: string): TimerSpec {
  const others = timer.actions.filter((a) => a.type !== 'notify' && a.type !== 'assignOwner');
  const to = parseRecipients(notify);
  const actions: ActionSpec[] = [...others];
  if (to.length > 0)
    actions.push({
      type: 'notify',
      to,
      message: notifyOf(timer.actions)?.message ?? `${timer.label ?? 'SLA'} reached`,
    });
  const owner = parseRecipients(reassign)[0];
  if (owner) actions.push({ type: 'assignOwner', to: owner });
  return { ...timer, actions };
}

/**
 * The SLA/escalation ladder of a state: each rung is a duration, who is notified, an optional
 * reassignment and an optional move to another state.
 */
export function TimerLadderEditor(props: {
  timers: TimerSpec[];
  stateIds: StateOption[];
  onChange: (timers: TimerSpec[]) => void;
}) {
  const { timers, onChange } = props;
  const set = (index: number, timer: TimerSpec) => onChange(timers.map((t, i) => (i === index ? timer : t)));
  const add = () => {
    const last = timers.at(-1);
    const id = uniqueId('sla', new Set(timers.map((t) => t.id)));
    const after = last
      ? { ...last.after, amount: last.after.amount + 2 }
      : { amount: 3, unit: 'businessDays' as const };
    onChange([
      ...timers,
      {
        id,
        kind: 'sla',
        after,
        actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'SLA reached' }],
      },
    ]);
  };
  return (
    <fieldset className="hf-ladder" data-testid="sla-ladder">
      <legend>SLA ladder</legend>
      {timers.length === 0 && (
        <p className="hf-muted">No timers. Add a rung to remind or escalate after a while.</p>
      )}
      {timers.map((timer, index) => {
        const notify = notifyOf(timer.actions);
        const reassign = reassignOf(timer.actions);
        return (
          <div key={timer.id} className="hf-ladder__rung" data-testid={`sla-rung-${index}`}>
            <div className="hf-row">
              <TextField
                label="After"
                type="number"
                value={String(timer.after.amount)}
                testId="sla-amount"
                onCommit={(v) => set(index, { ...timer, after: { ...timer.after, amount: Number(v) } })}
              />
              <SelectField
                label="Unit"
                value={timer.after.unit}
                testId="sla-unit"
                options={DURATION_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
                onChange={(unit) => set(index, { ...timer, after: { ...timer.after, unit } })}
              />
            </div>
            <TextField
              label="Notify (roles, or user:email)"
              value={notify ? formatRecipients(notify.to) : ''}
              testId="sla-notify"
              onCommit={(v) =>
                set(index, withActions(timer, v, reassign ? formatRecipients([reassign.to]) : ''))
              }
            />
            <TextField
              label="Reassign to"
              value={reassign ? formatRecipients([reassign.to]) : ''}
              placeholder="e.g. hrbp"
              onCommit={(v) => set(index, withActions(timer, notify ? formatRecipients(notify.to) : '', v))}
            />
            <SelectField
              label="Then move to"
              value={timer.target ?? ''}
              testId="sla-target"
              options={[{ value: '', label: '(stay)' }, ...props.stateIds]}
              onChange={(target) => set(index, { ...timer, target: target || undefined })}
            />
            <CheckField
              label="Hard deadline (never deferred)"
              checked={timer.kind === 'deadline'}
              onChange={(v) => set(index, { ...timer, kind: v ? 'deadline' : 'sla' })}
            />
            <button
              type="button"
              className="hf-link"
              onClick={() => onChange(timers.filter((_, i) => i !== index))}
            >
              Remove rung
            </button>
          </div>
        );
      })}
      <button type="button" className="hf-button" data-testid="sla-add" onClick={add}>
        + Add SLA rung
      </button>
    </fieldset>
  );
}
