import type { WorkflowSpecInput } from '../src/model/index.ts';
import { workflow } from './specs.ts';

/**
 * screen (SLA reminder) → interviews → offer approval → hired, with Reject (note, recruiter or hiring
 * manager) and Withdraw drawn once as transitions from any state. `interviews` has its own Reject
 * that needs no note, so the state's own transition must win over the workflow-level one.
 */
export function anyStateFlow(): WorkflowSpecInput {
  return workflow(
    [
      {
        id: 'screen',
        kind: 'milestone',
        on: [{ id: 'screen-advance', event: 'ADVANCE', target: 'interviews' }],
        timers: [
          {
            id: 'remind',
            after: { amount: 2, unit: 'businessDays' },
            actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'Screen is waiting' }],
          },
        ],
      },
      {
        id: 'interviews',
        kind: 'milestone',
        on: [
          { id: 'interviews-advance', event: 'ADVANCE', target: 'offer_approval' },
          { id: 'interviews-reject', event: 'REJECT', target: 'rejected', label: 'Quick reject' },
        ],
      },
      {
        id: 'offer_approval',
        kind: 'approval',
        approval: {
          steps: [{ id: 'hm', approvers: [{ role: 'hiring_manager' }] }],
          onApproved: 'hired',
          onRejected: 'rejected',
        },
      },
      { id: 'hired', kind: 'final', outcome: 'hired' },
      { id: 'rejected', kind: 'final', outcome: 'rejected' },
      { id: 'withdrawn', kind: 'final', outcome: 'withdrawn' },
    ],
    {
      id: 'any-state-flow',
      name: 'Any-state flow',
      anyState: [
        {
          id: 'any-reject',
          event: 'REJECT',
          target: 'rejected',
          requiresNote: true,
          allowedRoles: ['recruiter', 'hiring_manager'],
        },
        { id: 'any-withdraw', event: 'WITHDRAW', target: 'withdrawn' },
      ],
    },
  );
}
