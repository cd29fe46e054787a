import { z } from 'zod';
import { ActionSpec } from './actions.ts';
import { CelExpression, Duration, FieldPath, Id, Recipient } from './primitives.ts';

/** How many approvers of a step must approve. */
export const APPROVAL_MODES = ['all', 'any', 'quorum'] as const;

/** One step of an approval chain: a group of approvers deciding together. */
export const ApprovalStepSpec = z
  .strictObject({
    id: Id,
    label: z.string().max(120).optional(),
    /** Roles or named users. With `all`, each entry needs one approval; `any` and `quorum` count people. */
    approvers: z.array(Recipient),
    mode: z.enum(APPROVAL_MODES).default('all'),
    /** Number of distinct approvers needed when `mode` is `quorum`. */
    quorum: z.number().int().min(1).optional(),
    /** The step applies only when this CEL holds (e.g. finance only when pay is above band). */
    when: CelExpression.optional(),
    /** When one of these fields changes after this step approved, the step is reopened. */
    watches: z.array(FieldPath).default([]),
    /** Escalate when the step is still open after this long. */
    timeout: z
      .strictObject({
        after: Duration,
        actions: z.array(ActionSpec).min(1, 'say what happens when the step times out'),
      })
      .optional(),
  })
  .refine((step) => step.mode !== 'quorum' || step.quorum !== undefined, {
    message: 'a quorum step needs the number of approvals',
    path: ['quorum'],
  });
export type ApprovalStepSpec = z.infer<typeof ApprovalStepSpec>;

/** An ordered approval chain with its outcomes. */
export const ApprovalSpec = z.strictObject({
  steps: z.array(ApprovalStepSpec),
  /** Where the instance goes when every applicable step approved. */
  onApproved: Id,
  /** Where the instance goes when any approver rejects. */
  onRejected: Id,
  /**
   * States (after approval) in which a change of a watched field sends the instance back to this
   * approval, reopening only the steps that watch the changed field. Defaults to `onApproved`.
   */
  reapprovalFrom: z.array(Id).optional(),
  /** Approvers may hand their task to someone else. */
  allowDelegation: z.boolean().default(true),
  /** An admin may approve the whole chain at once, with a justification. */
  allowOverride: z.boolean().default(true),
});
export type ApprovalSpec = z.infer<typeof ApprovalSpec>;
