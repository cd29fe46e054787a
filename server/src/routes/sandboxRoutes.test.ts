import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedHiring } from '../testing/hiringWorkflow.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
let workflowId = '';
let productionInstance = '';

interface Summary {
  id: string;
  workflowId: string;
  version: number;
  state: string[];
  overdue: boolean;
}

/** Every row of every runtime table of the production database (the server's own tables aside). */
function productionRows(): string {
  const sqlite = t.server.db.sqlite;
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'server_%' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' order by name",
    )
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, sqlite.prepare(`select * from "${name}" order by rowid`).all()]),
  );
}

beforeAll(async () => {
  // No workers: nothing in production moves by itself while the sandbox session runs.
  t = await startTestServer({ workers: false });
  workflowId = await publishedHiring(t.admin, 'emea');
  const started = await t.admin.post<{ instance: { id: string } }>('/api/instances', {
    workflowId,
    subjectId: 'CAND-PROD-1',
  });
  productionInstance = started.body.instance.id;
}, 30_000);
afterAll(() => t.close());

describe('sandboxes over HTTP', () => {
  it('run a whole session — publish, synthetic candidates, events, +3 business days — without touching production', async () => {
    const before = productionRows();
    const designer = await t.signIn(['designer'], ['emea']);
    const created = await designer.post('/api/sandboxes', {
      name: 'screen-pilot',
      start: '2026-03-06T10:00:00.000Z',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sandbox: { name: 'screen-pilot', now: '2026-03-06T10:00:00.000Z', instances: 0 },
    });

    const published = await designer.post('/api/sandboxes/screen-pilot/publish', { workflowId });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: { workflowId, number: 1, source: 'draft' } });

    const synthetic = await designer.post<{ items: Summary[]; refused: unknown[] }>(
      '/api/sandboxes/screen-pilot/synthetic',
      { workflowId, count: 5, seed: 7 },
    );
    expect(synthetic.status).toBe(201);
    expect(synthetic.body.refused).toEqual([]);
    expect(synthetic.body.items.map((i) => i.state)).toEqual(Array(5).fill(['applied']));
    const [first] = synthetic.body.items;

    const moved = await designer.post<{ instance: Summary }>(
      `/api/sandboxes/screen-pilot/instances/${first?.id}/events`,
      { type: 'ADVANCE', actAs: 'recruiter' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.instance.state).toEqual(['recruiter_screen']);

    // Friday 10:00 + 3 business days = Wednesday 10:00: the four 2-day reminders of `applied` fire, and
    // the 3-day reminder of the candidate moved to `recruiter_screen` is due exactly then.
    const advanced = await designer.post<{ sandbox: { now: string }; fired: number }>(
      '/api/sandboxes/screen-pilot/clock',
      { amount: 3, unit: 'businessDays' },
    );
    expect(advanced.body.sandbox.now).toBe('2026-03-11T10:00:00.000Z');
    expect(advanced.body.fired).toBe(5);

    const listed = await designer.get<{ items: Summary[] }>('/api/sandboxes/screen-pilot/instances');
    expect(listed.body.items.filter((i) => i.overdue)).toHaveLength(5);
    const effects = await designer.get<{ items: { type: string; status: string }[] }>(
      '/api/sandboxes/screen-pilot/effects',
    );
    expect(effects.body.items).toHaveLength(5);
    expect(effects.body.items.map((e) => [e.type, e.status])).toEqual(
      Array(5).fill(['hireflow.notify', 'captured']),
    );
    const audit = await designer.get<{ items: { kind: string }[] }>(
      `/api/sandboxes/screen-pilot/audit?instanceId=${first?.id}`,
    );
    expect(audit.body.items.map((e) => e.kind)).toEqual(['start', 'transition', 'timer']);

    // Nothing delivers sandbox effects: every outbox row of the sandbox file is still captured (never claimed).
    const file = new Database(t.server.db.sqlite.name.replace(/hireflow\.db$/, 'sandboxes/screen-pilot.db'), {
      readonly: true,
    });
    expect(file.prepare('select status, count(*) as n from outbox group by status').all()).toEqual([
      { status: 'captured', n: 5 },
    ]);
    file.close();

    expect((await designer.post('/api/sandboxes/screen-pilot/reset')).body).toMatchObject({
      sandbox: { instances: 0, now: '2026-03-11T10:00:00.000Z' },
    });
    expect((await designer.request('DELETE', '/api/sandboxes/screen-pilot')).status).toBe(204);
    expect((await designer.get<{ items: unknown[] }>('/api/sandboxes')).body.items).toEqual([]);
    expect(productionRows()).toBe(before);
  });

  it('cannot reach a production instance from a sandbox, nor a sandbox instance from production', async () => {
    await t.admin.post('/api/sandboxes', { name: 'walls' });
    await t.admin.post('/api/sandboxes/walls/publish', { workflowId });
    const synthetic = await t.admin.post<{ items: Summary[] }>('/api/sandboxes/walls/synthetic', {
      workflowId,
      count: 1,
      seed: 1,
    });
    const sandboxInstance = synthetic.body.items[0]?.id;
    const before = productionRows();

    const intoProduction = await t.admin.post(`/api/sandboxes/walls/instances/${productionInstance}/events`, {
      type: 'ADVANCE',
    });
    expect(intoProduction.status).toBe(404);
    expect((await t.admin.get(`/api/sandboxes/walls/audit?instanceId=${productionInstance}`)).status).toBe(
      404,
    );
    expect((await t.admin.get(`/api/instances/${sandboxInstance}`)).status).toBe(404);
    expect((await t.admin.post(`/api/instances/${sandboxInstance}/events`, { type: 'ADVANCE' })).status).toBe(
      404,
    );
    expect(productionRows()).toBe(before);
  });

  it('show what is inside a sandbox only to the units that own it', async () => {
    await t.admin.post('/api/sandboxes', { name: 'units' });
    await t.admin.post('/api/sandboxes/units/publish', { workflowId });
    await t.admin.post('/api/sandboxes/units/synthetic', { workflowId, count: 2, seed: 3 });
    const outsider = await t.signIn(['designer'], ['apac']);
    expect((await outsider.get<{ items: unknown[] }>('/api/sandboxes/units/instances')).body.items).toEqual(
      [],
    );
    expect((await outsider.get<{ items: unknown[] }>('/api/sandboxes/units/effects')).body.items).toEqual([]);
    const synthetic = await outsider.post('/api/sandboxes/units/synthetic', {
      workflowId,
      count: 1,
      seed: 1,
    });
    expect(synthetic.status).toBe(404);
    const auditor = await t.signIn(['auditor'], []);
    expect(
      (await auditor.get<{ items: unknown[] }>('/api/sandboxes/units/instances')).body.items,
    ).toHaveLength(2);
    expect((await auditor.post('/api/sandboxes', { name: 'nope' })).status).toBe(403);
  });

  it('answer problems with field paths', async () => {
    const badName = await t.admin.post<{ errors: { path: string }[] }>('/api/sandboxes', {
      name: 'Not Valid',
    });
    expect(badName.status).toBe(422);
    expect(badName.body.errors.map((e) => e.path)).toEqual(['name']);
    await t.admin.post('/api/sandboxes', { name: 'twice' });
    const twice = await t.admin.post('/api/sandboxes', { name: 'twice' });
    expect(twice.status).toBe(409);
    const badUnit = await t.admin.post<{ errors: { path: string }[] }>('/api/sandboxes/twice/clock', {
      amount: 1,
      unit: 'fortnights',
    });
    expect(badUnit.status).toBe(422);
    expect(badUnit.body.errors.map((e) => e.path)).toEqual(['unit']);
    expect((await t.admin.post('/api/sandboxes/missing/reset')).status).toBe(404);
  });
});
