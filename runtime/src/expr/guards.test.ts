import { describe, expect, it } from 'vitest';
import type { ContextSchema } from '../model/index.ts';
import { checkGuard, evaluateGuard } from './index.ts';

const schema: ContextSchema = {
  'candidate.source': { type: 'string', enum: ['referral', 'agency', 'inbound'] },
  level: { type: 'int' },
  'compensation.base': { type: 'double' },
  'compensation.bandMax': { type: 'double' },
  isInternalTransfer: { type: 'bool' },
  'offer.sentAt': { type: 'timestamp' },
};
const now = new Date('2026-03-02T10:00:00Z');

describe('checkGuard', () => {
  it('accepts a well-typed boolean condition', () => {
    expect(checkGuard('candidate.source == "referral" || isInternalTransfer', schema)).toEqual({ ok: true });
    expect(checkGuard('compensation.base > compensation.bandMax && level >= 7', schema)).toEqual({
      ok: true,
    });
  });

  it('reports a syntax error with its position', () => {
    const result = checkGuard('level >= ', schema);
    expect(result).toMatchObject({ ok: false, kind: 'syntax', position: { start: 9 } });
  });

  it('reports an unknown field as a type error', () => {
    const result = checkGuard('candidate.sorce == "referral"', schema);
    expect(result).toMatchObject({ ok: false, kind: 'type' });
    if (!result.ok) expect(result.message).toContain('sorce');
  });

  it('reports comparing a text field with a number', () => {
    expect(checkGuard('candidate.source == 3', schema)).toMatchObject({ ok: false, kind: 'type' });
  });

  it('rejects a condition that is not true or false', () => {
    expect(checkGuard('level + 1', schema)).toMatchObject({ ok: false, kind: 'type' });
  });
});

describe('evaluateGuard', () => {
  const context = {
    candidate: { source: 'referral' },
    level: 8,
    compensation: { base: 250000, bandMax: 220000 },
    isInternalTransfer: false,
    offer: { sentAt: '2026-02-27T10:00:00Z' },
  };

  it('evaluates JSON context with int, double and timestamp fields', () => {
    expect(
      evaluateGuard('level >= 7 && compensation.base > compensation.bandMax', schema, { context, now }),
    ).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluateGuard('now - offer.sentAt > duration("48h")', schema, { context, now })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('sees the event payload and returns evaluation errors as data', () => {
    expect(
      evaluateGuard('event.reason == "no-show"', schema, { context, payload: { reason: 'no-show' }, now }),
    ).toEqual({
      ok: true,
      value: true,
    });
    const missing = evaluateGuard('candidate.source == "referral"', schema, { context: {}, now });
    expect(missing.ok).toBe(false);
  });
});
