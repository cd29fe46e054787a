import type { z } from '@hono/zod-openapi';
import type { ServerStore } from '../db/openServerStore.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { getVersion, type HireflowDb, toVersionId, type WorkflowRouting } from '../runtime.ts';
import type { RoutingSchema } from '../schemas/rollout.ts';

/** The API's routing: version numbers instead of the store's version ids. */
export type RoutingView = z.infer<typeof RoutingSchema>;

const numberOf = (db: HireflowDb, versionId: string | null | undefined): number | null =>
  versionId ? (getVersion(db, versionId)?.number ?? null) : null;

/** The store's routing as the API shows it. */
export function toRoutingView(db: HireflowDb, routing: WorkflowRouting): RoutingView {
  const pilot = routing.pilot;
  return {
    defaultVersion: numberOf(db, routing.defaultVersion),
    pilot: pilot
      ? {
          version: numberOf(db, pilot.versionId) ?? 0,
          ...(pilot.businessUnits ? { businessUnits: pilot.businessUnits } : {}),
          ...(pilot.departments ? { departments: pilot.departments } : {}),
          ...(pilot.percentage === undefined ? {} : { percentage: pilot.percentage }),
        }
      : null,
  };
}

/**
 * The API's routing as the store keeps it. Unknown versions and a pilot without an audience are
 * refused with the field that is wrong.
 */
export function toStoreRouting(store: ServerStore, workflowId: string, view: RoutingView): WorkflowRouting {
  const idOf = (n: number, path: string) => {
    const id = toVersionId(workflowId, n);
    if (!getVersion(store.db, id))
      throw new ProblemError('VALIDATION', `${path}: no version ${n}`, {
        errors: [{ path, message: `no version ${n} of ${workflowId}` }],
      });
    return id;
  };
  const defaultVersion = view.defaultVersion === null ? null : idOf(view.defaultVersion, 'defaultVersion');
  const pilot = view.pilot;
  if (!pilot) return { defaultVersion };
  if (pilot.businessUnits === undefined && pilot.departments === undefined && pilot.percentage === undefined)
    throw new ProblemError('VALIDATION', 'pilot: name its audience', {
      errors: [{ path: 'pilot', message: 'name business units, departments or a percentage' }],
    });
  return {
    defaultVersion,
    pilot: {
      versionId: idOf(pilot.version, 'pilot.version'),
      ...(pilot.businessUnits ? { businessUnits: pilot.businessUnits } : {}),
      ...(pilot.departments ? { departments: pilot.departments } : {}),
      ...(pilot.percentage === undefined ? {} : { percentage: pilot.percentage }),
    },
  };
}
