import { listStates, parseSpec, type StateSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { getTemplate, listTemplates, templateIds } from './index.ts';
import { buildSpecGraph, reachableFrom, statesThatCannotEnd } from './specGraph.ts';
import { TEMPLATE_SOURCES } from './templateSources.ts';

const spec = (id: string): WorkflowSpec => {
  const found = getTemplate(id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};

describe('the template library', () => {
  it('offers the nine ATS workflows of the gallery, in order', () => {
    expect(templateIds).toEqual([
      'standard-hiring',
      'executive-hire',
      'internal-transfer-fast-track',
      'offer-approval',
      'requisition-approval',
      'background-check',
      'candidate-problem-ticket',
      'stalled-requisition-alert',
      'contractor-conversion',
    ]);
  });

  it('summarizes each template for the gallery, counting the states inside parallel tracks', () => {
    const summaries = listTemplates();
    expect(summaries.map((s) => s.id)).toEqual(templateIds);
    for (const summary of summaries) {
      expect(summary.name).not.toBe('');
      expect(summary.description.length).toBeGreaterThan(80);
      expect(summary.tags.length).toBeGreaterThan(0);
    }
    const backgroundCheck = summaries.find((s) => s.id === 'background-check');
    // 6 top-level states + 12 inside the three tracks.
    expect(backgroundCheck).toMatchObject({ subjectType: 'application', stateCount: 18 });
    expect(summaries.find((s) => s.id === 'candidate-problem-ticket')?.subjectType).toBe('ticket');
  });

  it('returns undefined for an unknown id', () => {
    expect(getTemplate('no-such-template')).toBeUndefined();
    expect(getTemplate('constructor')).toBeUndefined();
  });

  it('hands out copies, so editing a fork never changes the template', () => {
    const fork = spec('standard-hiring');
    fork.name = 'Sales hiring';
    fork.states.pop();
    expect(getTemplate('standard-hiring')?.name).toBe('Standard hiring milestones');
    expect(getTemplate('standard-hiring')?.states.length).toBe(fork.states.length + 1);
  });
});

describe.each(templateIds)('template %s', (id) => {
  const source = TEMPLATE_SOURCES[id];
  const template = spec(id);
  const located = listStates(template);

  it('validates with zero issues and carries its id and schema version', () => {
    expect(parseSpec(source)).toMatchObject({ ok: true });
    expect(source.schemaVersion).toBe(2);
    expect(template.id).toBe(id);
  });

  it('uses every state and track id once', () => {
    const ids = [
      ...located.map(({ state }) => state.id),
      ...located.flatMap(({ state }) => (state.kind === 'parallel' ? state.regions.map((r) => r.id) : [])),
    ];
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('uses every transition id once', () => {
    const ids = located.flatMap(({ state }) =>
      state.kind === 'decision'
        ? state.branches.map((b) => b.id)
        : state.kind === 'final'
          ? []
          : state.on.map((t) => t.id),
    );
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('can enter every state from the start', () => {
    const reachable = reachableFrom(buildSpecGraph(template), template.initial);
    expect(located.map(({ state }) => state.id).filter((stateId) => !reachable.has(stateId))).toEqual([]);
  });

  it('can end from every state', () => {
    expect(statesThatCannotEnd(buildSpecGraph(template))).toEqual([]);
  });

  it('can finish every track of its parallel states', () => {
    const graph = buildSpecGraph(template);
    for (const { state } of located) {
      if (state.kind !== 'parallel') continue;
      for (const region of state.regions) {
        const finals = region.states.filter((s) => s.kind === 'final').map((s) => s.id);
        const reachable = reachableFrom(graph, region.initial);
        expect(
          finals.some((f) => reachable.has(f)),
          `track ${region.id}`,
        ).toBe(true);
      }
    }
  });

  it('puts the "otherwise" branch of each decision last', () => {
    for (const { state } of located) {
      if (state.kind !== 'decision') continue;
      const unguarded = state.branches.filter((b) => b.guard === undefined);
      expect(unguarded, state.id).toHaveLength(1);
      expect(state.branches.at(-1)?.guard, state.id).toBeUndefined();
    }
  });

  it('draws every state at its own place on the canvas', () => {
    const siblings = new Map<string, string[]>();
    for (const { state, parent } of located) {
      expect(state.position, state.id).toBeDefined();
      const group = parent ? parent.stateId : '';
      const key = `${group}@${state.position?.x},${state.position?.y}`;
      siblings.set(key, [...(siblings.get(key) ?? []), state.id]);
    }
    expect([...siblings.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('escalates in rising steps: each SLA rung of a stage fires after the one before', () => {
    const hours = { minutes: 1 / 60, businessHours: 1, hours: 1, businessDays: 8, days: 24 } as const;
    for (const { state } of located) {
      if (state.kind === 'final' || state.kind === 'decision') continue;
      const rungs = state.timers
        .filter((t) => t.kind === 'sla' && !t.from)
        .map((t) => t.after.amount * hours[t.after.unit]);
      expect(rungs, state.id).toEqual([...rungs].sort((a, b) => a - b));
    }
  });

  it('has no dead ends: every non-final state has a way out', () => {
    const waysOut = (state: StateSpec): number =>
      state.kind === 'decision'
        ? state.branches.length
        : state.kind === 'final'
          ? 1
          : state.on.length + (template.anyState?.length ?? 0);
    expect(located.filter(({ state }) => waysOut(state) === 0).map(({ state }) => state.id)).toEqual([]);
  });
});
