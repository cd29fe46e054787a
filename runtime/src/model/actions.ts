import { z } from 'zod';
import { FieldPath, JsonValue, Recipient } from './primitives.ts';

/** Send a notification (email, chat) to a role or user. Delivered through the outbox. */
export const NotifyAction = z.strictObject({
  type: z.literal('notify'),
  to: z.array(Recipient).min(1, 'say who is notified'),
  /** Short message, e.g. "Candidate has been in screen for 3 business days". */
  message: z.string().min(1).max(500),
});

/** Call an outbound webhook (e.g. an ATS write-back or an HRIS). Delivered through the outbox. */
export const WebhookAction = z.strictObject({
  type: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/ }),
  /** Name of the event sent in the webhook body. */
  event: z.string().min(1).max(100),
});

/** Make a role or user the owner of the instance (reassignment). */
export const AssignOwnerAction = z.strictObject({
  type: z.literal('assignOwner'),
  to: Recipient,
});

/** Set a context field to a fixed value, to the current time, or to a value from the event. */
export const SetFieldAction = z.strictObject({
  type: z.literal('setField'),
  field: FieldPath,
  value: JsonValue.optional(),
  /** `now` = the time of the event; `event.<path>` = a field of the event payload. */
  valueFrom: z
    .string()
    .regex(/^(now|event\.[a-zA-Z_][a-zA-Z0-9_.]*)$/, 'use "now" or "event.<field>"')
    .optional(),
});

/** Open a problem ticket (an instance of another workflow) about this instance. */
export const OpenTicketAction = z.strictObject({
  type: z.literal('openTicket'),
  workflowId: z.string().min(1).max(64),
  severity: z.enum(['sev1', 'sev2', 'sev3', 'sev4']).default('sev3'),
  summary: z.string().min(1).max(500),
});

export const ActionSpec = z.discriminatedUnion('type', [
  NotifyAction,
  WebhookAction,
  AssignOwnerAction,
  SetFieldAction,
  OpenTicketAction,
]);
export type ActionSpec = z.infer<typeof ActionSpec>;
export type ActionType = ActionSpec['type'];
