import type { EngineActor } from '../../src/engine/index.ts';

/** One event a racer sends. */
export interface RaceSend {
  instanceId: string;
  type: string;
  note?: string | undefined;
  idempotencyKey?: string | undefined;
  actor: EngineActor;
}

export const RECRUITER: EngineActor = {
  id: 'u-rec',
  role: 'recruiter',
  via: 'api',
  businessUnits: ['engineering'],
};

/** The three races, per instance in `screen`: each racer's event. */
export const RACES = {
  /** Two different endings: WITHDRAW against REJECT. One ends the instance, the other finds it done. */
  endings: (id: string): [RaceSend, RaceSend] => [
    { instanceId: id, type: 'WITHDRAW', actor: RECRUITER },
    { instanceId: id, type: 'REJECT', note: 'not a fit', actor: RECRUITER },
  ],
  /** The same ADVANCE with the same idempotency key (a client retrying on two connections). */
  retried: (id: string): [RaceSend, RaceSend] => [
    { instanceId: id, type: 'ADVANCE', idempotencyKey: `retry:${id}`, actor: RECRUITER },
    { instanceId: id, type: 'ADVANCE', idempotencyKey: `retry:${id}`, actor: RECRUITER },
  ],
  /** Two distinct ADVANCEs: both commit, one after the other, never both from `screen`. */
  distinct: (id: string): [RaceSend, RaceSend] => [
    { instanceId: id, type: 'ADVANCE', idempotencyKey: `a:${id}`, actor: RECRUITER },
    { instanceId: id, type: 'ADVANCE', idempotencyKey: `b:${id}`, actor: RECRUITER },
  ],
};
export type RaceName = keyof typeof RACES;
