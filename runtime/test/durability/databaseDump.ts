import type { HireflowDb } from '../../src/store/index.ts';

type Row = Record<string, unknown>;

/** Everything a step writes, as rows in insertion order; JSON columns parsed so key order does not matter. */
export interface DatabaseDump {
  instances: Row[];
  timers: Row[];
  auditEntries: Row[];
  outbox: Row[];
  approvalTasks: Row[];
  idempotencyKeys: Row[];
}

const parseColumns = (rows: Row[], columns: string[]): Row[] =>
  rows.map((row) => {
    const parsed = { ...row };
    for (const column of columns) {
      const text = parsed[column];
      if (typeof text === 'string') parsed[column] = JSON.parse(text);
    }
    return parsed;
  });

/**
 * Reads the durable state of every instance: rows, armed and fired timers, the audit log with its
 * hashes, outbox effects, approval tasks and remembered idempotent answers. Row ids minted by the
 * store (timer, task and effect ids) are left out: they name rows, they are not state.
 */
export function dumpDatabase(db: HireflowDb): DatabaseDump {
  const all = (sql: string) => db.sqlite.prepare(sql).all() as Row[];
  return {
    instances: parseColumns(
      all(`select id, version_id, subject_id, state_value, snapshot, status, revision, owner_json,
             entered_at, started_at, updated_at from instances order by rowid`),
      ['snapshot', 'owner_json'],
    ),
    timers: parseColumns(
      all(`select instance_id, send_id, delay_name, event, due_at, status, deferred_until, fired_at
             from timers order by rowid`),
      ['event'],
    ),
    auditEntries: all('select * from audit_log order by seq'),
    outbox: parseColumns(
      all(`select instance_id, effect_key, type, payload, status, next_attempt_at, created_at
             from outbox order by rowid`),
      ['payload'],
    ),
    approvalTasks: parseColumns(
      all(`select instance_id, state_id, step_id, approver, status, decided_by, decision, comment,
             delegated_to, created_at, decided_at from approval_tasks order by rowid`),
      ['approver'],
    ),
    idempotencyKeys: parseColumns(
      all('select scope, key, request_hash, response, created_at from idempotency_keys order by scope, key'),
      ['response'],
    ),
  };
}
