import type { WorkflowSpec } from '../model/index.ts';
import { checkOutboundUrl, type OutboundAllowList } from '../outbox/outboundPolicy.ts';
import type { Diagnostic } from './diagnostics.ts';

/**
 * `OUTBOUND_URL_REFUSED` for every webhook action (transitions, entry/exit, timers, approval
 * timeouts, anywhere in the spec) whose URL the outbound policy refuses: http without an allowed
 * host, an internal address literal, `localhost`. Host names are checked again when delivering.
 */
export function outboundUrlDiagnostics(spec: WorkflowSpec, allow: OutboundAllowList): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, path: string, stateId: string | undefined, inStates: boolean) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, `${path}[${i}]`, stateId, inStates);
      });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    const here = inStates && typeof node.id === 'string' ? node.id : stateId;
    if (node.type === 'webhook' && typeof node.url === 'string') {
      const verdict = checkOutboundUrl(node.url, allow);
      if (!verdict.ok)
        out.push({
          path: `${path}.url`,
          severity: 'error',
          code: 'OUTBOUND_URL_REFUSED',
          message: `Hireflow will not call this webhook URL: ${verdict.reason}.`,
          ...(here ? { stateId: here } : {}),
        });
    }
    for (const [key, child] of Object.entries(node))
      walk(child, path ? `${path}.${key}` : key, here, key === 'states');
  };
  walk(spec, '', undefined, false);
  return out;
}
