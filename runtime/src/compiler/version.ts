import type { WorkflowSpec } from '../model/index.ts';
import type { OutboundAllowList } from '../outbox/outboundPolicy.ts';
import { compile } from './compile.ts';
import type { MachineDefinition } from './definitionTypes.ts';
import type { Diagnostic } from './diagnostics.ts';

/** An immutable published version of a workflow. */
export interface WorkflowVersion {
  workflowId: string;
  number: number;
  hash: string;
  spec: WorkflowSpec;
  definition: MachineDefinition;
  publishedBy: string;
  publishedAt: string;
  changelog: string;
}

export type PublishOutcome =
  | { kind: 'published'; version: WorkflowVersion; diagnostics: Diagnostic[] }
  | { kind: 'unchanged'; version: WorkflowVersion }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

export interface PublishRequest {
  spec: unknown;
  publishedBy: string;
  publishedAt: string;
  changelog: string;
  /** The workflow's latest version, if any. */
  latest?: WorkflowVersion | undefined;
  upstream?: WorkflowSpec | undefined;
  /** Checks webhook URLs against this outbound allow-list (`HIREFLOW_OUTBOUND_ALLOW`) when given. */
  outboundAllow?: OutboundAllowList | undefined;
}

/**
 * Decides what publishing a draft means: a new immutable version, nothing (same content as the latest
 * version), or a refusal with the blocking diagnostics. Pure: the store persists the outcome.
 */
export function preparePublish(request: PublishRequest): PublishOutcome {
  const result = compile(request.spec, { upstream: request.upstream, outboundAllow: request.outboundAllow });
  if (!result.definition || !result.spec || !result.hash)
    return { kind: 'invalid', diagnostics: result.diagnostics };
  if (request.latest && request.latest.hash === result.hash)
    return { kind: 'unchanged', version: request.latest };
  return {
    kind: 'published',
    diagnostics: result.diagnostics,
    version: {
      workflowId: result.spec.id,
      number: (request.latest?.number ?? 0) + 1,
      hash: result.hash,
      spec: result.spec,
      definition: result.definition,
      publishedBy: request.publishedBy,
      publishedAt: request.publishedAt,
      changelog: request.changelog,
    },
  };
}
