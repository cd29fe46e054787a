import { createHmac, randomUUID } from 'node:crypto';

/** A request as a vendor would send it: raw body bytes and headers. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

const hex = (secret: string | Buffer, data: string | Buffer) =>
  createHmac('sha256', secret).update(data).digest('hex');

/** A Greenhouse `application` object, shaped like Greenhouse's documented web hook payloads. */
function greenhouseApplication(applicationId: number, stage: string) {
  return {
    id: applicationId,
    rejected_at: null,
    prospect: false,
    status: 'active',
    applied_at: '2026-03-02T09:00:00.000Z',
    last_activity_at: '2026-03-03T10:00:00.000Z',
    url: `https://app.greenhouse.io/people/1?application_id=${applicationId}`,
    source: { id: 16, name: 'LinkedIn (Prospecting)' },
    credited_to: { id: 4080, name: 'Kate Recruiter' },
    rejection_reason: null,
    current_stage: { id: 767358, name: stage, interviews: [] },
    candidate: {
      id: 1,
      first_name: 'Jane',
      last_name: 'Doe',
      title: 'Engineer',
      email_addresses: [{ value: 'jane@example.com', type: 'personal' }],
      phone_numbers: [{ value: '+1 555 0100', type: 'mobile' }],
    },
    jobs: [
      {
        id: 10,
        name: 'Platform Engineer',
        requisition_id: 'REQ-1',
        opened_at: '2026-01-05T09:00:00.000Z',
        closed_at: null,
        departments: [{ id: 7, name: 'Engineering', external_id: null }],
        offices: [{ id: 3, name: 'Berlin', location: { name: 'Berlin, Germany' } }],
      },
    ],
    answers: [{ question: 'Are you authorized to work in Germany?', answer: 'Yes' }],
    attachments: [],
  };
}

/** Signs a Greenhouse body: `Signature: sha256 <hex>`, and a fresh (unsigned) `Greenhouse-Event-ID`. */
export function signGreenhouse(secret: string, body: string): SignedRequest {
  return {
    body,
    headers: {
      'content-type': 'application/json',
      signature: `sha256 ${hex(secret, body)}`,
      'greenhouse-event-id': randomUUID(),
    },
  };
}

/** Greenhouse `candidate_stage_change`. */
export function greenhouseStageChange(secret: string, applicationId: number, stage: string): SignedRequest {
  return signGreenhouse(
    secret,
    JSON.stringify({
      action: 'candidate_stage_change',
      payload: { application: greenhouseApplication(applicationId, stage) },
    }),
  );
}

/** Greenhouse `new_candidate_application` ("Candidate or prospect applied"). */
export function greenhouseNewApplication(secret: string, applicationId: number): SignedRequest {
  return signGreenhouse(
    secret,
    JSON.stringify({
      action: 'new_candidate_application',
      payload: { application: greenhouseApplication(applicationId, 'Application Review') },
    }),
  );
}

/** Lever `candidateStageChange`: token + triggeredAt signed, in the body. */
export function leverStageChange(
  secret: string,
  opportunityId: string,
  toStageId: string,
  triggeredAt: number,
): SignedRequest {
  const token = randomUUID().replaceAll('-', '');
  const body = JSON.stringify({
    id: randomUUID(),
    triggeredAt,
    event: 'candidateStageChange',
    signature: hex(secret, `${token}${triggeredAt}`),
    token,
    data: {
      candidateId: opportunityId,
      contactId: randomUUID(),
      opportunityId,
      fromStageId: 'lead-new',
      toStageId,
    },
  });
  return { body, headers: { 'content-type': 'application/json' } };
}

/** Ashby `candidateStageChange`. */
export function ashbyStageChange(secret: string, applicationId: string, stage: string): SignedRequest {
  const body = JSON.stringify({
    action: 'candidateStageChange',
    data: {
      application: {
        id: applicationId,
        createdAt: '2026-03-02T09:00:00.000Z',
        updatedAt: '2026-03-03T10:00:00.000Z',
        status: 'Active',
        candidate: {
          id: randomUUID(),
          name: 'Jane Doe',
          primaryEmailAddress: { value: 'jane@example.com', type: 'Personal', isPrimary: true },
        },
        currentInterviewStage: { id: randomUUID(), title: stage, type: 'Active', orderInInterviewPlan: 2 },
        job: { id: randomUUID(), title: 'Platform Engineer' },
      },
    },
  });
  return {
    body,
    headers: { 'content-type': 'application/json', 'ashby-signature': `sha256=${hex(secret, body)}` },
  };
}

/** A Standard Webhooks delivery (`whsec_` secret, seconds timestamp). */
export function standardDelivery(
  secret: string,
  externalRef: string,
  stage: string,
  nowMs: number,
): SignedRequest {
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(nowMs / 1000));
  const body = JSON.stringify({ type: 'candidate.stage_changed', data: { externalRef, stage } });
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${signature}`,
    },
  };
}
