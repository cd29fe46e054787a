import { compile, type MachineDefinition } from '@hireflow/runtime/compiler';
import { listStates, type WorkflowSpec } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { getTemplate, type TemplateId, templateIds } from './index.ts';
import { restingStates } from './machineWalk.ts';

/** Data changes that flip each template's guards, so the walk can take every branch and skip. */
const WHAT_IF: Record<TemplateId, Record<string, unknown>[]> = {
  'standard-hiring': [],
  'executive-hire': [{ level: 8 }, { 'compensation.base': 450000 }],
  'internal-transfer-fast-track': [{ isInternalTransfer: true }, { 'candidate.source': 'referral' }],
  'offer-approval': [{ 'compensation.base': 180000, 'compensation.bandMax': 150000 }, { level: 7 }],
  'requisition-approval': [
    { 'requisition.type': 'new_headcount' },
    { level: 7 },
    { 'compensation.bandMax': 200000 },
  ],
  'background-check': [],
  'candidate-problem-ticket': [
    { severity: 'sev1' },
    { issueType: 'background_check_delay' },
    { issueType: 'integration_sync' },
    { issueType: 'offer_blocked' },
    { issueType: 'document_missing' },
  ],
  'stalled-requisition-alert': [],
  'contractor-conversion': [{ level: 7 }, { 'compensation.base': 120000 }],
};

function compiled(id: TemplateId): { spec: WorkflowSpec; definition: MachineDefinition } {
  const spec = getTemplate(id);
  if (!spec) throw new Error(`no template ${id}`);
  const { definition } = compile(spec);
  if (!definition) throw new Error(`${id} does not compile`);
  return { spec, definition };
}

describe.each(templateIds)('compiled template %s', (id) => {
  it('compiles with no errors and no warnings', () => {
    const result = compile(getTemplate(id));
    expect(result.diagnostics).toEqual([]);
    expect(result.definition).not.toBeNull();
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reaches every state and approval step with real events in stock xstate (xstate/graph shortest paths)', () => {
    const { spec, definition } = compiled(id);
    const resting = restingStates(definition, WHAT_IF[id]);
    const located = listStates(spec);
    // Decisions are transient: xstate passes through them inside one step, so they never rest.
    // A decision counts as reached when every one of its branches leads somewhere that was reached.
    const byId = new Map(located.map(({ state }) => [state.id, state]));
    const reached = (stateId: string): boolean => {
      const state = byId.get(stateId);
      if (state?.kind !== 'decision') return resting.has(stateId);
      return state.branches.every((branch) => reached(branch.target));
    };
    expect(located.map(({ state }) => state.id).filter((stateId) => !reached(stateId))).toEqual([]);
    const steps = located.flatMap(({ state }) => (state.kind === 'approval' ? state.approval.steps : []));
    expect(steps.map((step) => step.id).filter((stepId) => !resting.has(stepId))).toEqual([]);
  }, 30_000);
});
