import { describe, expect, it } from 'vitest';
import type { ContextSchema } from '../model/index.ts';
import { GUARD_COST_LIMIT, GUARD_RUNTIME_BUDGET } from './guardCost.ts';
import { checkGuard, evaluateGuard } from './index.ts';

const schema: ContextSchema = {
  tags: { type: 'string[]' },
  level: { type: 'int' },
  score: { type: 'double' },
};
const now = new Date('2026-03-02T10:00:00Z');
const TEN = '[0,1,2,3,4,5,6,7,8,9]';

/** The guard from the issue: six nested macros over ten items, a million iterations (6.6 s before). */
function nested(levels: number): string {
  const vars = 'abcdefgh'.slice(0, levels).split('');
  const body = `${vars.join(' + ')} >= 0`;
  return vars.reduceRight((inner, v) => `${TEN}.all(${v}, ${inner})`, body);
}

describe('the compile-time cost bound', () => {
  it('refuses the nested-macro guard that stalled the server, naming the estimate and the limit', () => {
    const guard = nested(6);
    expect(guard.length).toBeLessThan(260);
    const result = checkGuard(guard, schema);
    expect(result).toMatchObject({ ok: false, kind: 'cost' });
    if (!result.ok) expect(result.message).toContain(String(GUARD_COST_LIMIT));
  });

  it('accepts ordinary guards, including one macro over a list field and two nested ones', () => {
    expect(checkGuard('level >= 3 && score > 2.5', schema)).toEqual({ ok: true });
    expect(checkGuard('tags.exists(t, t == "urgent")', schema)).toEqual({ ok: true });
    expect(checkGuard('tags.all(a, tags.exists(b, a == b))', schema)).toEqual({ ok: true });
    expect(checkGuard(nested(2), schema)).toEqual({ ok: true });
  });

  it('multiplies nested lists of unknown size by the assumed size', () => {
    expect(checkGuard('tags.all(a, tags.all(b, tags.all(c, a + b + c != "")))', schema)).toMatchObject({
      ok: false,
      kind: 'cost',
    });
    expect(checkGuard('event.rows.all(r, r.all(c, c.all(x, x > 0)))', schema)).toMatchObject({
      kind: 'cost',
    });
  });
});

describe('the run-time budget', () => {
  it('denies a guard over the budget before evaluating it, in well under a second', () => {
    // Passed the checker (lists of unknown size are assumed small) but the event brings big ones.
    const guard = 'event.a.all(x, event.b.all(y, x != y))';
    expect(checkGuard(guard, schema)).toEqual({ ok: true });
    const big = Array.from({ length: 1000 }, (_, i) => i);
    const started = performance.now();
    const verdict = evaluateGuard(guard, schema, { context: {}, payload: { a: big, b: big }, now });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(verdict).toMatchObject({ ok: false });
    if (!verdict.ok) expect(verdict.error).toContain(String(GUARD_RUNTIME_BUDGET));
  });

  it('bounds nested literal macros even when the checker is bypassed (a spec stored before the limit)', () => {
    const started = performance.now();
    const verdict = evaluateGuard(nested(6), schema, { context: {}, now });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(verdict.ok).toBe(false);
  });

  it('bounds lists reached through an iteration variable by the largest list in the data', () => {
    const rows = Array.from({ length: 400 }, () => Array.from({ length: 400 }, (_, i) => i));
    const verdict = evaluateGuard('event.rows.all(r, r.all(c, c >= 0))', schema, {
      context: {},
      payload: { rows },
      now,
    });
    expect(verdict).toMatchObject({ ok: false });
  });

  it('evaluates guards under the budget as before', () => {
    const context = { tags: ['urgent', 'remote'], level: 4, score: 3.5 };
    expect(evaluateGuard('tags.exists(t, t == "urgent")', schema, { context, now })).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluateGuard(nested(2), schema, { context, now })).toEqual({ ok: true, value: true });
    expect(
      evaluateGuard('event.items.map(i, i * 2).filter(i, i > 2).size() == 2', schema, {
        context,
        payload: { items: [1n, 2n, 3n] },
        now,
      }),
    ).toEqual({ ok: true, value: true });
  });
});

describe('checker and evaluator agree', () => {
  it('refuses optionals at check time, since the evaluator does not support them', () => {
    const result = checkGuard('optional.of(1).hasValue()', schema);
    expect(result).toMatchObject({ ok: false, kind: 'type' });
    if (!result.ok) expect(result.message).toMatch(/optional/);
    expect(evaluateGuard('optional.of(1).hasValue()', schema, { context: {}, now }).ok).toBe(false);
  });

  it('explains how to compare an int with a double', () => {
    for (const guard of ['1 == 1.0', 'level == 2.0', 'score == 3']) {
      const result = checkGuard(guard, schema);
      expect(result, guard).toMatchObject({ ok: false, kind: 'type' });
      if (!result.ok)
        expect(result.message, guard).toMatch(/write 1\.0 instead of 1, or convert with double\(x\)/);
    }
    expect(checkGuard('double(level) == 2.0 && score == 3.0', schema)).toEqual({ ok: true });
  });
});
