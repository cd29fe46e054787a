import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { specToFlow } from './specToFlow.ts';

describe('specToFlow', () => {
  const flow = specToFlow(sampleSpec());
  const edge = (id: string) => flow.edges.find((e) => e.id === id);

  it('makes one node per state, ids = state ids, nested states parented to their parallel state', () => {
    expect(flow.nodes.map((n) => n.id)).toEqual([
      'screen',
      'route',
      'offer_approval',
      'checks',
      'bg_run',
      'bg_done',
      'refs_run',
      'refs_done',
      'hired',
      'rejected',
    ]);
    expect(flow.nodes.find((n) => n.id === 'bg_run')?.parentId).toBe('checks');
    expect(flow.nodes.find((n) => n.id === 'screen')?.data).toMatchObject({
      kind: 'milestone',
      locked: true,
      initial: true,
    });
  });

  it('draws transitions, decision branches, approval outcomes and parallel done as edges', () => {
    expect(edge('screen_pass')).toMatchObject({
      source: 'screen',
      target: 'route',
      type: 'spec',
      data: { label: 'ADVANCE' },
    });
    expect(edge('route_big')?.data).toMatchObject({ role: 'branch', guard: 'offer.base > 100000' });
    expect(edge('route_default')?.data?.label).toBe('otherwise');
    expect(edge('offer_approval:approved')).toMatchObject({ target: 'checks', sourceHandle: 'approved' });
    expect(edge('offer_approval:rejected')).toMatchObject({ target: 'rejected', sourceHandle: 'rejected' });
    expect(edge('checks:done')).toMatchObject({ target: 'hired', sourceHandle: 'done' });
  });

  it('draws a timer with a target as an SLA edge labelled in words, and one without as a badge', () => {
    expect(edge('screen:timer:escalate')).toMatchObject({
      type: 'sla',
      target: 'rejected',
      data: { label: '5 business days' },
    });
    expect(flow.nodes[0]?.data.slaBadges).toEqual(['3 business days → notify recruiter']);
  });

  it('shows approval steps with approvers and mode, parallel tracks and final outcomes', () => {
    const data = (id: string) => flow.nodes.find((n) => n.id === id)?.data;
    expect(data('offer_approval')?.steps).toEqual([
      { id: 'hm', label: 'hm', approvers: ['hiring manager'], mode: 'all' },
    ]);
    expect(data('checks')?.tracks?.map((t) => t.id)).toEqual(['bg', 'refs']);
    expect(data('hired')?.outcome).toBe('hired');
  });

  it('keeps node and edge data serializable (a JSON round trip changes nothing)', () => {
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
  });

  it('sizes a parallel node around its tracks', () => {
    const checks = flow.nodes.find((n) => n.id === 'checks');
    const child = flow.nodes.find((n) => n.id === 'refs_done');
    expect(checks?.width).toBeGreaterThan((child?.position.x ?? 0) + 200);
    expect(checks?.height).toBeGreaterThan(child?.position.y ?? 0);
  });
});
