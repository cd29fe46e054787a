import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../audit/index.ts';
import { parseSpec, type WorkflowSpec } from '../model/index.ts';
import { createWorkflow, listEffects, listInstances, openDatabase } from '../store/index.ts';
import { createSandboxManager, type SandboxManager } from './sandboxManager.ts';
import { syntheticSubjects } from './syntheticSubjects.ts';

const spec = JSON.parse(readFileSync(new URL('../../samples/hiring.workflow.json', import.meta.url), 'utf8'));
const calendar = parseSpec(spec).ok ? (parseSpec(spec) as { spec: WorkflowSpec }).spec.calendar : undefined;
const admin = { id: 'u-admin', role: 'admin', via: 'sandbox' as const, businessUnits: '*' as const };
let dir = '';
let sandboxes: SandboxManager;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hireflow-sandbox-'));
  sandboxes = createSandboxManager(dir);
});
afterEach(() => {
  sandboxes.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

function pilot(name: string) {
  sandboxes.create(name, new Date('2026-03-02T15:00:00Z'));
  const sandbox = sandboxes.get(name);
  createWorkflow(sandbox.db, {
    id: spec.id,
    name: spec.name,
    businessUnit: 'engineering',
    draftSpec: spec,
    now: 0,
  });
  sandbox.engine.publish({ workflowId: spec.id, actor: admin, changelog: 'pilot' });
  for (const subject of syntheticSubjects(spec.context, { seed: 42, count: 10, now: sandbox.clock.now() })) {
    const started = sandbox.engine.start({
      workflowId: spec.id,
      businessUnit: 'engineering',
      subject: { kind: 'candidate', externalRef: subject.externalRef },
      context: { ...subject.context, candidate: { source: 'inbound' }, isInternalTransfer: false },
      actor: admin,
    });
    if (!started.ok) throw new Error(started.message);
  }
  return sandbox;
}

describe('sandboxes', () => {
  it('advance their own clock by business days and fire SLA escalations, capturing effects', () => {
    const sandbox = pilot('screen-pilot');
    expect(sandbox.advance({ amount: 3, unit: 'businessDays' }, calendar)).toMatchObject({ fired: 10 });
    const [first] = listInstances(sandbox.db, {});
    expect(listAuditEntries(sandbox.db, first?.id ?? '').map((e) => e.kind)).toEqual(['start', 'timer']);
    expect(listEffects(sandbox.db, { status: 'captured' })).toHaveLength(10);
    expect(listEffects(sandbox.db, { status: 'pending' })).toHaveLength(0);
    expect(sandboxes.list()).toMatchObject([{ name: 'screen-pilot', now: '2026-03-05T15:00:00.000Z' }]);
  });

  it('keep their clock across reopen, reset to empty, and delete cleanly', () => {
    pilot('a');
    sandboxes.get('a').advance({ amount: 2, unit: 'days' });
    sandboxes.closeAll();
    const again = createSandboxManager(dir);
    expect(again.get('a').clock.now().toISOString()).toBe('2026-03-04T15:00:00.000Z');
    again.reset('a');
    expect(listInstances(again.get('a').db, {})).toHaveLength(0);
    again.delete('a');
    expect(again.list()).toEqual([]);
    expect(() => again.get('a')).toThrow(/no sandbox/);
    again.closeAll();
  });

  it('never touch production data', () => {
    const production = openDatabase(join(dir, 'hireflow.db'));
    createWorkflow(production, {
      id: spec.id,
      name: spec.name,
      businessUnit: 'engineering',
      draftSpec: spec,
      now: 0,
    });
    const before = production.sqlite.prepare('select count(*) as n from instances').get();
    const sandbox = pilot('isolated');
    sandbox.advance({ amount: 10, unit: 'businessDays' });
    sandboxes.reset('isolated');
    sandboxes.delete('isolated');
    expect(production.sqlite.prepare('select count(*) as n from instances').get()).toEqual(before);
    expect(production.sqlite.prepare('select count(*) as n from versions').get()).toEqual({ n: 0 });
    production.close();
  });

  it('refuse bad and duplicate names', () => {
    expect(() => sandboxes.create('../prod')).toThrow(/lowercase/);
    sandboxes.create('x');
    expect(() => sandboxes.create('x')).toThrow(/already exists/);
  });
});
