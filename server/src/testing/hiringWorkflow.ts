import type { HttpClient } from './httpClient.ts';

interface Draft {
  spec: Record<string, unknown>;
  revision: number;
}

/**
 * Forks the standard hiring template into `unit` and publishes it as version 1 (tests of sandboxes,
 * pilots and migrations start here). Returns the workflow id.
 */
export async function publishedHiring(admin: HttpClient, unit: string, id?: string): Promise<string> {
  const fork = await admin.post<{ workflow: { id: string }; draft: Draft }>(
    '/api/templates/standard-hiring/fork',
    { businessUnit: unit, ...(id ? { id } : {}) },
  );
  if (fork.status !== 201) throw new Error(`fork: ${fork.status} ${JSON.stringify(fork.body)}`);
  const published = await admin.post(`/api/workflows/${fork.body.workflow.id}/publish`, {
    changelog: 'v1',
    baseRevision: fork.body.draft.revision,
  });
  if (published.status !== 201) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return fork.body.workflow.id;
}

/** Saves `change(draft)` as the draft and publishes it; returns the new version number. */
export async function publishChange(
  admin: HttpClient,
  workflowId: string,
  change: (spec: Record<string, unknown>) => Record<string, unknown>,
): Promise<number> {
  const current = await admin.get<{ draft: Draft }>(`/api/workflows/${workflowId}`);
  const saved = await admin.put<{ draft: Draft }>(`/api/workflows/${workflowId}/draft`, {
    spec: change(structuredClone(current.body.draft.spec)),
    baseRevision: current.body.draft.revision,
  });
  if (saved.status !== 200) throw new Error(`save: ${JSON.stringify(saved.body)}`);
  const published = await admin.post<{ version: { number: number } }>(
    `/api/workflows/${workflowId}/publish`,
    {
      changelog: 'change',
      baseRevision: saved.body.draft.revision,
    },
  );
  if (published.status !== 201) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return published.body.version.number;
}

/** Renames a state everywhere it is named (its id and every transition target). */
export function renameState(
  spec: Record<string, unknown>,
  from: string,
  to: string,
): Record<string, unknown> {
  return JSON.parse(JSON.stringify(spec).replaceAll(`"${from}"`, `"${to}"`)) as Record<string, unknown>;
}
