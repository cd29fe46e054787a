import { verify } from '../../src/audit/index.ts';
import {
  createEngine,
  type Engine,
  type EngineActor,
  fireDueTimers,
  ManualClock,
  replay,
} from '../../src/engine/index.ts';
import { createWorkflow, type HireflowDb, openDatabase } from '../../src/store/index.ts';
import { type DatabaseDump, dumpDatabase } from './databaseDump.ts';
import type { PathStep } from './eventPath.ts';
import { type SendRequest, sendRequestFor } from './sendRequestFor.ts';
import type { SpecJson } from './workflowPool.ts';
import { nestedContext, UNIT, valueFor, type WorkflowProfile } from './workflowProfile.ts';

interface Session {
  db: HireflowDb;
  clock: ManualClock;
  engine: Engine;
}

/** Opens the file with a fresh engine: nothing survives from an earlier session but the clock's time. */
function openSession(file: string, at: number): Session {
  const db = openDatabase(file);
  const clock = new ManualClock(new Date(at));
  return { db, clock, engine: createEngine({ db, clock }) };
}

/** What a path run leaves behind: one answer per step and the database as the last session saw it. */
export interface PathRun {
  answers: unknown[];
  dump: DatabaseDump;
  verified: ReturnType<typeof verify>;
  replays: unknown[];
}

export interface RunOptions {
  file: string;
  startAt: string;
  /** Close the database and drop every in-memory object after each step (the restart run). */
  restartAfterEveryStep: boolean;
}

/**
 * Runs an event path through a real engine on a real SQLite file and answers what each step returned.
 * The only memory kept between steps is the client's: the instance ids it was given and its last keyed
 * request, exactly what a caller of the API would hold.
 */
export function runPath(
  spec: SpecJson,
  profile: WorkflowProfile,
  path: PathStep[],
  options: RunOptions,
): PathRun {
  let session = openSession(options.file, Date.parse(options.startAt));
  const now = session.clock.now().getTime();
  createWorkflow(session.db, {
    id: spec.id,
    name: spec.name,
    businessUnit: UNIT,
    draftSpec: spec as never,
    now,
  });
  const admin = profile.actors.find((a) => a.role === 'admin') as EngineActor;
  const published = session.engine.publish({ workflowId: spec.id, actor: admin, changelog: 'durability' });
  if (published.kind === 'invalid') throw new Error(`spec does not publish: ${JSON.stringify(published)}`);

  const starters = profile.actors.filter((a) => a.businessUnits === '*' || a.businessUnits.includes(UNIT));
  const ids: string[] = [];
  let lastKeyed: SendRequest | undefined;
  const perform = (step: PathStep, position: number): unknown => {
    const { engine, clock } = session;
    switch (step.kind) {
      case 'start': {
        const entries = profile.fields.flatMap(([path, field], i): [string, unknown][] => {
          const seed = step.seeds[i] ?? -1;
          return seed < 0 ? [] : [[path, valueFor(field, seed)]];
        });
        const result = engine.start({
          workflowId: spec.id,
          businessUnit: UNIT,
          subject: { kind: 'candidate', pii: { name: `Candidate ${position}` } },
          context: nestedContext(entries),
          // Any actor of the unit may start one (the outsider would only get NOT_FOUND, a wasted path).
          actor: starters[step.actor % starters.length] as EngineActor,
        });
        if (result.ok) ids.push(result.instanceId);
        return result;
      }
      case 'send': {
        if (ids.length === 0) return 'no instance yet';
        const request = sendRequestFor(session.db, profile, ids, step, position);
        if (request.options.idempotencyKey) lastKeyed = request;
        return {
          type: request.event.type,
          result: engine.send(request.instanceId, request.event, request.options),
        };
      }
      case 'repeat':
        if (!lastKeyed) return 'nothing to repeat';
        return engine.send(lastKeyed.instanceId, lastKeyed.event, lastKeyed.options);
      case 'advance':
        clock.advance(step.minutes * 60_000);
        return { fired: fireDueTimers(engine) };
    }
  };

  const answers = path.map((step, position) => {
    let answer: unknown;
    try {
      answer = perform(step, position);
    } catch (error) {
      // A throw is an answer too: both runs must throw at the same step with the same message.
      answer = { threw: error instanceof Error ? error.message : String(error) };
    }
    if (options.restartAfterEveryStep) {
      const at = session.clock.now().getTime();
      session.db.close();
      session = openSession(options.file, at);
    }
    return answer;
  });

  const { db } = session;
  try {
    return {
      answers,
      dump: dumpDatabase(db),
      verified: verify(db),
      replays: ids.map((id) => replay(db, id)),
    };
  } finally {
    db.close();
  }
}
