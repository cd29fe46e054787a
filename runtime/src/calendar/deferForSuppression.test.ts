import { describe, expect, it } from 'vitest';
import { deferForSuppression } from './deferForSuppression.ts';

const hiringFreeze = { id: 'hiring-freeze', from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };
const maintenance = { id: 'maintenance', from: '2026-03-07T22:00:00Z', to: '2026-03-08T06:00:00Z' };
const quarterClose = { id: 'quarter-close', from: '2026-03-08T06:00:00Z', to: '2026-03-09T00:00:00Z' };

describe('deferForSuppression', () => {
  it('leaves a due time outside every window alone', () => {
    const due = new Date('2026-02-27T10:00:00Z');
    expect(deferForSuppression(due, [hiringFreeze])).toEqual({ due });
  });

  it('moves a due time inside a window to the end of the window and names the window', () => {
    expect(deferForSuppression(new Date('2026-03-02T10:00:00Z'), [hiringFreeze])).toEqual({
      due: new Date('2026-03-08T00:00:00Z'),
      deferredBy: 'hiring-freeze',
      chain: ['hiring-freeze'],
    });
  });

  it('defers a due time exactly at the start, but not one exactly at the end', () => {
    expect(deferForSuppression(new Date(hiringFreeze.from), [hiringFreeze]).deferredBy).toBe('hiring-freeze');
    const atEnd = new Date(hiringFreeze.to);
    expect(deferForSuppression(atEnd, [hiringFreeze])).toEqual({ due: atEnd });
  });

  it('follows overlapping and back-to-back windows to the end of the last one', () => {
    const result = deferForSuppression(new Date('2026-03-05T12:00:00Z'), [
      quarterClose,
      maintenance,
      hiringFreeze,
    ]);
    expect(result).toEqual({
      due: new Date('2026-03-09T00:00:00Z'),
      deferredBy: 'hiring-freeze',
      chain: ['hiring-freeze', 'maintenance', 'quarter-close'],
    });
  });

  it('when several windows contain the due time, the one reaching furthest is the cause', () => {
    const result = deferForSuppression(new Date('2026-03-07T23:00:00Z'), [hiringFreeze, maintenance]);
    expect(result.deferredBy).toBe('maintenance');
    expect(result.due).toEqual(new Date('2026-03-08T06:00:00Z'));
    expect(result.chain).toEqual(['maintenance']);
  });

  it('accepts Date bounds and ignores windows that end before they start', () => {
    const backwards = {
      id: 'typo',
      from: new Date('2026-03-10T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
    };
    const due = new Date('2026-03-05T00:00:00Z');
    expect(deferForSuppression(due, [backwards])).toEqual({ due });
  });
});
