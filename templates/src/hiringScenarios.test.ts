import { describe, expect, it } from 'vitest';
import { driveTemplate, type TemplateDriver } from './templateDriver.ts';

// Machine-level runs of the scenarios in scenarios.md (stock xstate, no engine, no business calendar).

const notified = (d: TemplateDriver) =>
  d.effects
    .filter((e) => e.type === 'hireflow.notify')
    .map((e) => ({ to: e.params.to, message: e.params.message }));
/** The transition the engine's pre-check picks for a top-level state: its own first, then the workflow's (root). */
const transitionMeta = (d: TemplateDriver, stateId: string, event: string) => {
  const { transitions } = d.definition.meta.hireflow;
  return [...(transitions[stateId] ?? []), ...(transitions[''] ?? [])].find((t) => t.event === event);
};

describe('standard-hiring', () => {
  it('moves a candidate from application to hire', () => {
    const d = driveTemplate('standard-hiring');
    for (let i = 0; i < 5; i++) d.send('ADVANCE');
    expect(d.snapshot.value).toBe('offer');
    d.send('ACCEPT').send('START_CONFIRMED');
    expect(d.snapshot.value).toBe('hired');
    expect(d.snapshot.status).toBe('done');
  });

  it('rejects from any active stage, and the rejection asks for a disposition reason', () => {
    const d = driveTemplate('standard-hiring').send('ADVANCE').send('REJECT');
    expect(d.snapshot.value).toBe('rejected');
    expect(transitionMeta(d, 'recruiter_screen', 'REJECT')).toMatchObject({ requiresNote: true });
  });

  it('lets an accepted offer go back to interviewing, flagged as a regression', () => {
    const d = driveTemplate('standard-hiring');
    for (let i = 0; i < 5; i++) d.send('ADVANCE');
    d.send('ACCEPT').send('REOPEN_INTERVIEWS');
    expect(d.snapshot.value).toBe('interviews');
    expect(transitionMeta(d, 'offer_accepted', 'REOPEN_INTERVIEWS')).toMatchObject({
      flag: 'regression',
      requiresNote: true,
    });
  });

  it('reminds, escalates, then reassigns a stuck recruiter screen', () => {
    const d = driveTemplate('standard-hiring').send('ADVANCE');
    expect(notified(d.fire('recruiter_screen', 'remind'))[0]?.to).toEqual([{ role: 'recruiter' }]);
    expect(notified(d.fire('recruiter_screen', 'escalate'))[0]?.to).toEqual([
      { role: 'ta_manager' },
      { role: 'recruiter' },
    ]);
    d.fire('recruiter_screen', 'reassign');
    expect(d.snapshot.value).toBe('recruiter_screen');
    expect(d.snapshot.context.$owner).toEqual({ role: 'ta_manager' });
  });
});

describe('internal-transfer-fast-track', () => {
  it('sends a referral straight to the hiring manager, skipping sourcing and screen', () => {
    const d = driveTemplate('internal-transfer-fast-track', { candidate: { source: 'referral' } }).send(
      'REVIEW',
    );
    expect(d.snapshot.value).toBe('hiring_manager_review');
    expect(d.snapshot.context.fastTrackReason).toBe('referral');
  });

  it('fast-tracks an internal transfer and tells the HRBP', () => {
    const d = driveTemplate('internal-transfer-fast-track', { isInternalTransfer: true }).send('REVIEW');
    expect(d.snapshot.value).toBe('hiring_manager_review');
    expect(d.snapshot.context.fastTrackReason).toBe('internal_transfer');
    expect(notified(d)[0]?.to).toEqual([{ role: 'hrbp' }]);
  });

  it('runs an external applicant through sourcing review and recruiter screen', () => {
    const d = driveTemplate('internal-transfer-fast-track').send('REVIEW');
    expect(d.snapshot.value).toBe('sourcing_review');
    expect(d.send('ADVANCE').snapshot.value).toBe('recruiter_screen');
  });
});

describe('offer-approval', () => {
  const inBand = { compensation: { base: 120000, bandMax: 150000 }, level: 4 };
  const aboveBand = { compensation: { base: 165000, bandMax: 150000 }, level: 4 };

  it('skips finance and executives for an in-band, below-director offer', () => {
    const d = driveTemplate('offer-approval', inBand).send('SUBMIT');
    d.decide('hiring_manager', 'hiring_manager').decide('hrbp', 'hrbp');
    expect(d.snapshot.value).toBe('ready_to_send');
  });

  it('needs finance when base pay is above the band maximum', () => {
    const d = driveTemplate('offer-approval', aboveBand).send('SUBMIT');
    d.decide('hiring_manager', 'hiring_manager').decide('hrbp', 'hrbp');
    expect(d.snapshot.value).toEqual({ offer_approval: 'finance' });
    expect(d.decide('finance', 'finance').snapshot.value).toBe('ready_to_send');
  });

  it('needs two executives for a director-level offer', () => {
    const d = driveTemplate('offer-approval', { ...inBand, level: 7 }).send('SUBMIT');
    d.decide('hiring_manager', 'hiring_manager').decide('hrbp', 'hrbp').decide('executive', 'executive');
    expect(d.snapshot.value).toEqual({ offer_approval: 'executive' });
    expect(d.decide('executive', 'executive', 'approve', 'executive-2').snapshot.value).toBe('ready_to_send');
  });

  it('sends a rejected offer back to drafting', () => {
    const d = driveTemplate('offer-approval', inBand)
      .send('SUBMIT')
      .decide('hiring_manager', 'hiring_manager', 'reject');
    expect(d.snapshot.value).toBe('drafting');
  });

  it('reopens only the finance step when base pay changes while the offer is out', () => {
    const d = driveTemplate('offer-approval', aboveBand).send('SUBMIT');
    d.decide('hiring_manager', 'hiring_manager').decide('hrbp', 'hrbp').decide('finance', 'finance');
    d.send('SEND_OFFER').send('UPDATE_CONTEXT', { patch: { 'compensation.base': 175000 } });
    expect(d.snapshot.value).toEqual({ offer_approval: 'finance' });
    const steps = (
      d.snapshot.context.$approvals as Record<string, { steps: Record<string, { status: string }> }>
    ).offer_approval?.steps;
    expect(steps?.hiring_manager?.status).toBe('approved');
    expect(steps?.hrbp?.status).toBe('approved');
    expect(d.decide('finance', 'finance').snapshot.value).toBe('ready_to_send');
  });

  it('expires the offer 5 business days after offer.sentAt', () => {
    const d = driveTemplate('offer-approval', inBand).send('SUBMIT');
    d.decide('hiring_manager', 'hiring_manager').decide('hrbp', 'hrbp').send('SEND_OFFER');
    expect(d.snapshot.context.offer).toMatchObject({ sentAt: '2026-03-02T10:00:00.000Z' });
    expect(d.definition.meta.hireflow.timers['timer:offer_extended:expiry']).toMatchObject({
      kind: 'deadline',
      after: { amount: 5, unit: 'businessDays' },
      from: 'offer.sentAt',
    });
    expect(d.fire('offer_extended', 'expiry').snapshot.value).toBe('offer_expired');
  });
});

describe('contractor-conversion', () => {
  it('triggers payroll on conversion, retries a failed sync, and records the employee id', () => {
    const d = driveTemplate('contractor-conversion', { level: 4 }).send('SUBMIT');
    d.decide('hrbp', 'hrbp').decide('finance', 'finance').send('ACCEPT').send('CHECKS_CLEARED');
    const payroll = {
      type: 'hireflow.webhook',
      params: { url: 'https://payroll.example.com/hooks/hireflow', event: 'contractor.converted' },
    };
    expect(d.snapshot.value).toBe('payroll_setup');
    expect(d.effects).toContainEqual(payroll);
    d.send('PAYROLL_SYNC_FAILED').send('RETRY');
    expect(d.effects).toContainEqual(payroll);
    d.send('PAYROLL_CONFIRMED', { employeeId: 'E-1042' });
    expect(d.snapshot.value).toBe('converted');
    expect(d.snapshot.context.employee).toEqual({ id: 'E-1042' });
  });
});
