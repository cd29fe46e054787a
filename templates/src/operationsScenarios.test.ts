import { describe, expect, it } from 'vitest';
import { driveTemplate, type TemplateDriver } from './templateDriver.ts';

// Machine-level runs of the scenarios in scenarios.md (stock xstate, no engine, no business calendar).

const notifiedRoles = (d: TemplateDriver) =>
  d.effects.filter((e) => e.type === 'hireflow.notify').flatMap((e) => e.params.to as { role: string }[]);
const timersOf = (d: TemplateDriver, stateId: string) =>
  Object.values(d.definition.meta.hireflow.timers).filter((t) => t.stateId === stateId);

describe('requisition-approval', () => {
  it('approves a backfill without finance', () => {
    const d = driveTemplate('requisition-approval', { requisition: { type: 'backfill' }, level: 5 }).send(
      'SUBMIT',
    );
    d.decide('hrbp', 'hrbp').decide('budget_owner', 'budget_owner');
    expect(d.snapshot.value).toBe('open');
  });

  it('needs finance for net-new headcount', () => {
    const d = driveTemplate('requisition-approval', { requisition: { type: 'new_headcount' }, level: 5 });
    d.send('SUBMIT').decide('hrbp', 'hrbp').decide('budget_owner', 'budget_owner');
    expect(d.snapshot.value).toEqual({ headcount_approval: 'finance' });
  });

  it('stops every SLA timer while frozen, and has none in frozen or canceled', () => {
    const d = driveTemplate('requisition-approval', { level: 5 }).send('SUBMIT');
    d.decide('hrbp', 'hrbp').decide('budget_owner', 'budget_owner');
    expect(d.armed.size).toBe(3);
    d.send('FREEZE');
    expect(d.snapshot.value).toBe('frozen');
    expect(d.armed.size).toBe(0);
    expect(timersOf(d, 'frozen')).toEqual([]);
    expect(d.send('CANCEL').snapshot.value).toBe('canceled');
  });

  it('defers escalations for Sales during the hiring-freeze window', () => {
    const d = driveTemplate('requisition-approval');
    expect(d.definition.meta.hireflow.suppressionWindows).toEqual([
      expect.objectContaining({ id: 'sales-hiring-freeze', when: 'department == "Sales"' }),
    ]);
  });
});

describe('background-check', () => {
  const start = () => driveTemplate('background-check').send('CONSENT_SIGNED');

  it('clears the candidate when all three tracks finish, in any order', () => {
    const d = start();
    expect(d.effects.map((e) => e.type)).toContain('hireflow.webhook');
    d.send('DOCUMENTS_VERIFIED').send('REFERENCES_COMPLETE').send('VENDOR_ACCEPTED');
    expect(d.snapshot.value).toMatchObject({ screening: { background_track: 'bg_in_progress' } });
    expect(d.send('CHECK_CLEAR').snapshot.value).toBe('cleared');
  });

  it('takes the exception path when the vendor does not acknowledge within 4 business hours', () => {
    const d = start().fire('bg_ordered', 'no_ack');
    expect(d.snapshot.value).toMatchObject({ screening: { background_track: 'bg_sync_failed' } });
    expect(d.send('RETRY').snapshot.value).toMatchObject({ screening: { background_track: 'bg_ordered' } });
  });

  it('escalates a vendor over its SLA to compliance', () => {
    const d = start().send('VENDOR_ACCEPTED').fire('bg_in_progress', 'vendor_sla');
    expect(notifiedRoles(d)).toContainEqual({ role: 'compliance' });
  });

  it('ends in final adverse action only after the pre-adverse waiting period', () => {
    const d = start().send('VENDOR_ACCEPTED').send('CHECK_CONSIDER').send('PRE_ADVERSE_ACTION');
    expect(d.snapshot.value).toMatchObject({ screening: { background_track: 'bg_pre_adverse' } });
    expect(d.fire('bg_pre_adverse', 'waiting_period').snapshot.value).toBe('adverse_action');
  });
});

describe('candidate-problem-ticket', () => {
  it('routes a Sev-1 background check delay to compliance and escalates after 4 business hours', () => {
    const d = driveTemplate('candidate-problem-ticket', {
      severity: 'sev1',
      issueType: 'background_check_delay',
    });
    expect(d.snapshot.value).toBe('pending_sev1');
    expect(d.snapshot.context.$owner).toEqual({ role: 'compliance' });
    expect(timersOf(d, 'pending_sev1').find((t) => t.timerId === 'escalate')?.after).toEqual({
      amount: 4,
      unit: 'businessHours',
    });
    d.fire('pending_sev1', 'respond').fire('pending_sev1', 'escalate');
    expect(d.snapshot.context.$owner).toEqual({ role: 'ta_manager' });
  });

  it('cannot skip Resolved: VERIFY does nothing until the ticket is resolved', () => {
    const d = driveTemplate('candidate-problem-ticket', { issueType: 'document_missing' }).send('START');
    expect(d.snapshot.context.$owner).toEqual({ role: 'recruiter' });
    expect(d.send('VERIFY').snapshot.value).toBe('in_progress');
    expect(d.send('RESOLVE').send('VERIFY').snapshot.value).toBe('verified');
  });

  it('reopens a resolved ticket into the lane of its severity', () => {
    const sev1 = driveTemplate('candidate-problem-ticket', { severity: 'sev1' })
      .send('START')
      .send('RESOLVE');
    expect(sev1.send('REOPEN').snapshot.value).toBe('in_progress_sev1');
    const sev3 = driveTemplate('candidate-problem-ticket').send('START').send('RESOLVE');
    expect(sev3.send('REOPEN').snapshot.value).toBe('in_progress');
  });
});

describe('stalled-requisition-alert', () => {
  it('alerts the recruiter at 7 days and the TA manager at 14, once per stall', () => {
    const d = driveTemplate('stalled-requisition-alert').fire('active', 'stall');
    expect(d.snapshot.value).toBe('stalled');
    expect(notifiedRoles(d)).toEqual([{ role: 'recruiter' }]);
    expect(notifiedRoles(d.fire('stalled', 'escalate'))).toEqual([{ role: 'ta_manager' }]);
    // Nothing re-arms the alert until activity comes back: no daily repeats.
    expect(d.armed.size).toBe(0);
    expect(() => d.fire('stalled', 'escalate')).toThrow(/not armed/);
  });

  it('restarts the 7-day clock on every activity', () => {
    const d = driveTemplate('stalled-requisition-alert').send('ACTIVITY');
    expect(d.snapshot.value).toBe('active');
    expect(d.timerLog).toEqual([
      'cancel:xstate.after.timer:active:stall.active',
      'arm:xstate.after.timer:active:stall.active',
    ]);
    expect(d.snapshot.context.lastActivityAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('does not watch a frozen requisition', () => {
    const d = driveTemplate('stalled-requisition-alert').send('FREEZE');
    expect(d.armed.size).toBe(0);
    expect(d.send('UNFREEZE').armed.size).toBe(1);
  });
});
