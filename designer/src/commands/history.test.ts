import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, pushHistory, redo, undo } from './history.ts';

describe('history', () => {
  it('undoes and redoes steps in order', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect([h.present, canUndo(h), canRedo(h)]).toEqual(['a', false, true]);
    h = redo(h);
    expect(h.present).toBe('b');
  });

  it('drops the redo branch when a new step is made after undo', () => {
    const h = pushHistory(undo(pushHistory(createHistory(1), 2)), 3);
    expect([h.present, canRedo(h), h.past]).toEqual([3, false, [1]]);
  });

  it('ignores pushing the same value and keeps at most HISTORY_LIMIT steps', () => {
    const same = createHistory('x');
    expect(pushHistory(same, 'x')).toBe(same);
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = pushHistory(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});
