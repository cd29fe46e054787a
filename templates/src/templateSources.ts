/**
 * The raw template files, imported statically so bundlers (the designer) and Node (the server, tsx)
 * both include them without touching the file system. Order = gallery order.
 */
import backgroundCheck from '../background-check.workflow.json' with { type: 'json' };
import candidateProblemTicket from '../candidate-problem-ticket.workflow.json' with { type: 'json' };
import contractorConversion from '../contractor-conversion.workflow.json' with { type: 'json' };
import executiveHire from '../executive-hire.workflow.json' with { type: 'json' };
import internalTransferFastTrack from '../internal-transfer-fast-track.workflow.json' with { type: 'json' };
import offerApproval from '../offer-approval.workflow.json' with { type: 'json' };
import requisitionApproval from '../requisition-approval.workflow.json' with { type: 'json' };
import stalledRequisitionAlert from '../stalled-requisition-alert.workflow.json' with { type: 'json' };
import standardHiring from '../standard-hiring.workflow.json' with { type: 'json' };

export const TEMPLATE_SOURCES = {
  'standard-hiring': standardHiring,
  'executive-hire': executiveHire,
  'internal-transfer-fast-track': internalTransferFastTrack,
  'offer-approval': offerApproval,
  'requisition-approval': requisitionApproval,
  'background-check': backgroundCheck,
  'candidate-problem-ticket': candidateProblemTicket,
  'stalled-requisition-alert': stalledRequisitionAlert,
  'contractor-conversion': contractorConversion,
} as const satisfies Record<string, unknown>;

/** Id of a built-in template (also its file name: `<id>.workflow.json`). */
export type TemplateId = keyof typeof TEMPLATE_SOURCES;
