import { parseSpec, type WorkflowSpec, type WorkflowSpecInput } from '@hireflow/runtime/model';

/** A small but complete hiring workflow using every state kind; used by tests and the empty canvas preview. */
export const SAMPLE_SPEC_INPUT: WorkflowSpecInput = {
  schemaVersion: 2,
  id: 'sample_hiring',
  name: 'Sample hiring',
  context: { 'offer.base': { type: 'int' }, 'candidate.source': { type: 'string' } },
  initial: 'screen',
  states: [
    {
      kind: 'milestone',
      id: 'screen',
      label: 'Screen',
      locked: true,
      on: [{ id: 'screen_pass', event: 'ADVANCE', target: 'route' }],
      timers: [
        {
          id: 'remind',
          after: { amount: 3, unit: 'businessDays' },
          actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'Screen is late' }],
        },
        { id: 'escalate', after: { amount: 5, unit: 'businessDays' }, target: 'rejected', actions: [] },
      ],
    },
    {
      kind: 'decision',
      id: 'route',
      branches: [
        { id: 'route_big', target: 'offer_approval', guard: 'offer.base > 100000' },
        { id: 'route_default', target: 'checks' },
      ],
    },
    {
      kind: 'approval',
      id: 'offer_approval',
      approval: {
        steps: [{ id: 'hm', approvers: [{ role: 'hiring_manager' }], mode: 'all' }],
        onApproved: 'checks',
        onRejected: 'rejected',
      },
    },
    {
      kind: 'parallel',
      id: 'checks',
      onDone: 'hired',
      regions: [
        {
          id: 'bg',
          initial: 'bg_run',
          states: [
            { kind: 'milestone', id: 'bg_run', on: [{ id: 'bg_ok', event: 'CLEAR', target: 'bg_done' }] },
            { kind: 'final', id: 'bg_done', outcome: 'completed' },
          ],
        },
        {
          id: 'refs',
          initial: 'refs_run',
          states: [
            {
              kind: 'milestone',
              id: 'refs_run',
              on: [{ id: 'refs_ok', event: 'CLEAR', target: 'refs_done' }],
            },
            { kind: 'final', id: 'refs_done', outcome: 'completed' },
          ],
        },
      ],
    },
    { kind: 'final', id: 'hired', outcome: 'hired' },
    { kind: 'final', id: 'rejected', outcome: 'rejected' },
  ],
};

/** The sample parsed (defaults applied). Throws if the model ever stops accepting it. */
export function sampleSpec(): WorkflowSpec {
  const parsed = parseSpec(SAMPLE_SPEC_INPUT);
  if (!parsed.ok) throw new Error(`sample spec invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.spec;
}
