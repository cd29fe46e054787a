import { APPROVAL_MODES, type ApprovalSpec, type ApprovalStepSpec } from '@hireflow/runtime/model';
import { uniqueId } from '../spec/specTree.ts';
import { CheckField, formatRecipients, parseRecipients, SelectField, TextField } from './fields.tsx';

/** The ordered steps of an approval chain: approvers, all/any/quorum, condition, re-approval fields. */
export function ApprovalStepsEditor(props: {
  approval: ApprovalSpec;
  onChange: (approval: ApprovalSpec) => void;
}) {
  const { approval, onChange } = props;
  const setStep = (index: number, step: ApprovalStepSpec) =>
    onChange({ ...approval, steps: approval.steps.map((s, i) => (i === index ? step : s)) });
  const move = (index: number, by: number) => {
    const steps = [...approval.steps];
    const [step] = steps.splice(index, 1);
    if (step) steps.splice(index + by, 0, step);
    onChange({ ...approval, steps });
  };
  const add = () => {
    const id = uniqueId('step', new Set(approval.steps.map((s) => s.id)));
    onChange({
      ...approval,
      steps: [...approval.steps, { id, approvers: [{ role: 'hrbp' }], mode: 'all', watches: [] }],
    });
  };
  return (
    <fieldset className="hf-steps-editor" data-testid="approval-steps">
      <legend>Approval steps (in order)</legend>
      {approval.steps.map((step, index) => (
        <div key={step.id} className="hf-steps-editor__step" data-testid={`approval-step-${index}`}>
          <div className="hf-row">
            <strong>Step {index + 1}</strong>
            <button
              type="button"
              className="hf-link"
              disabled={index === 0}
              onClick={() => move(index, -1)}
              aria-label="Move step up"
            >
              ↑
            </button>
            <button
              type="button"
              className="hf-link"
              disabled={index === approval.steps.length - 1}
              onClick={() => move(index, 1)}
              aria-label="Move step down"
            >
              ↓
            </button>
          </div>
          <TextField
            label="Label"
            value={step.label ?? ''}
            onCommit={(label) => setStep(index, { ...step, label: label || undefined })}
          />
          <TextField
            label="Approvers (roles, or user:email)"
            value={formatRecipients(step.approvers)}
            testId="approval-approvers"
            onCommit={(v) => setStep(index, { ...step, approvers: parseRecipients(v) })}
          />
          <div className="hf-row">
            <SelectField
              label="Mode"
              value={step.mode}
              options={APPROVAL_MODES}
              onChange={(mode) => setStep(index, { ...step, mode })}
            />
            {step.mode === 'quorum' && (
              <TextField
                label="Quorum"
                type="number"
                value={String(step.quorum ?? 2)}
                onCommit={(v) => setStep(index, { ...step, quorum: Math.max(1, Number(v)) })}
              />
            )}
          </div>
          <TextField
            label="Only when (CEL)"
            value={step.when ?? ''}
            placeholder="e.g. offer.base > 150000"
            onCommit={(when) => setStep(index, { ...step, when: when || undefined })}
          />
          <TextField
            label="Re-approve when these fields change"
            value={step.watches.join(', ')}
            placeholder="offer.base, offer.startDate"
            onCommit={(v) =>
              setStep(index, {
                ...step,
                watches: v
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              })
            }
          />
          <button
            type="button"
            className="hf-link"
            onClick={() => onChange({ ...approval, steps: approval.steps.filter((_, i) => i !== index) })}
          >
            Remove step
          </button>
        </div>
      ))}
      <button type="button" className="hf-button" data-testid="approval-add-step" onClick={add}>
        + Add step
      </button>
      <CheckField
        label="Approvers may delegate"
        checked={approval.allowDelegation}
        onChange={(v) => onChange({ ...approval, allowDelegation: v })}
      />
      <CheckField
        label="Admin may override with justification"
        checked={approval.allowOverride}
        onChange={(v) => onChange({ ...approval, allowOverride: v })}
      />
    </fieldset>
  );
}
