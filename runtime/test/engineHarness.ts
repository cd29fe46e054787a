import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, type EngineActor, ManualClock } from '../src/engine/index.ts';
import { createWorkflow, type HireflowDb, openDatabase } from '../src/store/index.ts';

export const SAMPLE_SPEC = JSON.parse(
  readFileSync(new URL('../samples/hiring.workflow.json', import.meta.url), 'utf8'),
);

export const actors = {
  recruiter: { id: 'u-rec', role: 'recruiter', via: 'api', businessUnits: ['engineering'] },
  manager: { id: 'u-hm', role: 'hiring_manager', via: 'api', businessUnits: ['engineering'] },
  finance: { id: 'u-fin', role: 'finance', via: 'api', businessUnits: ['engineering'] },
  admin: { id: 'u-admin', role: 'admin', via: 'api', businessUnits: '*' },
  outsider: { id: 'u-sales', role: 'recruiter', via: 'api', businessUnits: ['sales'] },
} satisfies Record<string, EngineActor>;

/** A real SQLite file in a temp dir, an engine with a manual clock, and the sample workflow published. */
export interface Harness {
  dir: string;
  file: string;
  db: HireflowDb;
  clock: ManualClock;
  engine: Engine;
  versionId: string;
  close(): void;
}

export function createHarness(
  spec: Record<string, unknown> = SAMPLE_SPEC,
  start = '2026-03-02T15:00:00Z',
): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-engine-'));
  const file = join(dir, 'hireflow.db');
  const db = openDatabase(file);
  const clock = new ManualClock(start);
  const engine = createEngine({ db, clock });
  createWorkflow(db, {
    id: String(spec.id),
    name: String(spec.name),
    businessUnit: 'engineering',
    draftSpec: spec as never,
    now: clock.now().getTime(),
  });
  const published = engine.publish({ workflowId: String(spec.id), actor: actors.admin, changelog: 'first' });
  if (published.kind === 'invalid')
    throw new Error(`sample does not compile: ${JSON.stringify(published.diagnostics)}`);
  return {
    dir,
    file,
    db,
    clock,
    engine,
    versionId: published.version.id,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
