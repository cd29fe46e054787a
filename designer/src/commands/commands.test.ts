import { findState } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { specToFlow } from '../flow/specToFlow.ts';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { addState } from './addState.ts';
import { copySelection, paste } from './clipboard.ts';
import { connect } from './connect.ts';
import { moveNodes } from './moveNodes.ts';
import { removeSelection } from './removeSelection.ts';
import { updateState } from './updateState.ts';
import { updateTransition } from './updateTransition.ts';

const fork = () => ({
  ...sampleSpec(),
  forkedFrom: { source: 'template' as const, id: 'standard_hiring', version: 1 },
});

describe('addState', () => {
  it('adds a state of the kind at the position with a fresh id', () => {
    const first = addState(sampleSpec(), 'milestone', { x: 10, y: 20 });
    const second = addState(first.spec, 'milestone', { x: 0, y: 0 });
    expect(first.id).toBe('milestone');
    expect(second.id).toBe('milestone_2');
    expect(findState(second.spec, 'milestone')?.state).toMatchObject({
      kind: 'milestone',
      position: { x: 10, y: 20 },
    });
  });

  it('gives a new parallel state two tracks that each end in a final state', () => {
    const { spec, id } = addState(sampleSpec(), 'parallel', { x: 0, y: 0 });
    const state = findState(spec, id)?.state;
    expect(state?.kind === 'parallel' && state.regions.map((r) => r.states.map((s) => s.kind))).toEqual([
      ['milestone', 'final'],
      ['milestone', 'final'],
    ]);
  });
});

describe('connect', () => {
  it('adds a transition on ADVANCE from a milestone', () => {
    const { spec, edgeId } = connect(sampleSpec(), { source: 'screen', target: 'hired' });
    expect(edgeId).toBe('screen_to_hired');
    expect(specToFlow(spec).edges.find((e) => e.id === edgeId)).toMatchObject({
      source: 'screen',
      target: 'hired',
    });
  });

  it('sets an approval outcome when dragged from its approved/rejected handle', () => {
    const { spec } = connect(sampleSpec(), {
      source: 'offer_approval',
      target: 'hired',
      sourceHandle: 'approved',
    });
    const state = findState(spec, 'offer_approval')?.state;
    expect(state?.kind === 'approval' && state.approval.onApproved).toBe('hired');
  });

  it('adds a branch to a decision and refuses to leave a final state', () => {
    const { spec } = connect(sampleSpec(), { source: 'route', target: 'rejected' });
    const route = findState(spec, 'route')?.state;
    expect(route?.kind === 'decision' && route.branches.map((b) => b.target)).toEqual([
      'offer_approval',
      'checks',
      'rejected',
    ]);
    expect(connect(sampleSpec(), { source: 'hired', target: 'screen' })).toMatchObject({ edgeId: null });
  });
});

describe('removeSelection', () => {
  it('removes a state and every edge that pointed at it', () => {
    const { spec } = removeSelection(sampleSpec(), { nodeIds: ['rejected'], edgeIds: [] });
    const edges = specToFlow(spec).edges;
    expect(edges.some((e) => e.target === 'rejected')).toBe(false);
    const screen = findState(spec, 'screen')?.state;
    // The escalation still fires; it just no longer moves the candidate.
    expect(screen?.kind === 'milestone' && screen.timers.map((t) => t.target)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('refuses locked states in a fork but allows them in the template itself', () => {
    const refused = removeSelection(fork(), { nodeIds: ['screen', 'hired'], edgeIds: [] });
    expect(refused.refused.map((r) => r.id)).toEqual(['screen']);
    expect(findState(refused.spec, 'screen')).toBeDefined();
    expect(findState(refused.spec, 'hired')).toBeUndefined();
    expect(
      findState(removeSelection(sampleSpec(), { nodeIds: ['screen'], edgeIds: [] }).spec, 'screen'),
    ).toBeUndefined();
  });

  it('removes edges by id: a transition, an approval outcome, an SLA timer', () => {
    const { spec } = removeSelection(sampleSpec(), {
      nodeIds: [],
      edgeIds: ['screen_pass', 'offer_approval:rejected', 'screen:timer:escalate'],
    });
    const ids = specToFlow(spec).edges.map((e) => e.id);
    expect(ids).not.toContain('screen_pass');
    expect(ids).not.toContain('offer_approval:rejected');
    expect(ids).not.toContain('screen:timer:escalate');
  });
});

describe('updateState / updateTransition / moveNodes', () => {
  it('renames a state everywhere it is referenced', () => {
    const { spec } = updateState(sampleSpec(), 'checks', { id: 'background', label: 'Background' });
    expect(findState(spec, 'background')?.state.label).toBe('Background');
    const approval = findState(spec, 'offer_approval')?.state;
    expect(approval?.kind === 'approval' && approval.approval.onApproved).toBe('background');
    expect(specToFlow(spec).nodes.find((n) => n.id === 'bg_run')?.parentId).toBe('background');
  });

  it('refuses an id that is already used', () => {
    expect(updateState(sampleSpec(), 'checks', { id: 'hired' }).error).toMatch(/already used/);
  });

  it('edits a transition, a branch guard and an SLA timer through their edge ids', () => {
    let spec = updateTransition(sampleSpec(), 'screen_pass', { event: 'PASS', requiresNote: true });
    spec = updateTransition(spec, 'route_big', { guard: 'offer.base > 120000' });
    spec = updateTransition(spec, 'screen:timer:escalate', { after: { amount: 2, unit: 'businessHours' } });
    const edges = specToFlow(spec).edges;
    expect(edges.find((e) => e.id === 'screen_pass')?.data?.label).toBe('PASS');
    expect(edges.find((e) => e.id === 'route_big')?.data?.guard).toBe('offer.base > 120000');
    expect(edges.find((e) => e.id === 'screen:timer:escalate')?.data?.label).toBe('2 business hours');
  });

  it('stores rounded positions', () => {
    const spec = moveNodes(sampleSpec(), new Map([['screen', { x: 10.4, y: 20.6 }]]));
    expect(findState(spec, 'screen')?.state.position).toEqual({ x: 10, y: 21 });
  });
});

describe('copy and paste', () => {
  it('pastes copies with fresh ids, internal references following the copies', () => {
    const base = sampleSpec();
    const { spec, ids } = paste(base, copySelection(base, ['checks']));
    expect(ids).toEqual(['checks_copy']);
    const copy = findState(spec, 'checks_copy')?.state;
    expect(copy?.kind === 'parallel' && copy.regions[0]?.initial).toBe('bg_run_copy');
    // A reference leaving the copied states still points at the original.
    expect(copy?.kind === 'parallel' && copy.onDone).toBe('hired');
    const ids2 = specToFlow(spec).nodes.map((n) => n.id);
    expect(new Set(ids2).size).toBe(ids2.length);
  });

  it('does not copy the locked flag (a copy is not the compliance step)', () => {
    const base = sampleSpec();
    const { spec } = paste(base, copySelection(base, ['screen']));
    expect(findState(spec, 'screen_copy')?.state.locked).toBeUndefined();
  });
});
