import { ROLES, type Role } from '../db/schema.ts';

/**
 * Who may call a route. `public`: nobody signs in (the webhook signature or the password is the
 * check); `authenticated`: any signed-in user, acting on their own things; otherwise the listed roles.
 * `scope: 'unit'` means the route touches objects of a business unit and answers 404 for other units'.
 */
export interface AccessRule {
  roles: readonly Role[] | 'public' | 'authenticated';
  scope: 'unit' | 'global' | 'self';
}

const EVERYONE = ROLES;
const WRITERS = ['admin', 'designer'] as const satisfies Role[];
const OPERATORS = [
  'admin',
  'designer',
  'recruiter',
  'hiring_manager',
  'hrbp',
  'approver',
  'auditor',
] as const;
const STARTERS = ['admin', 'recruiter', 'hiring_manager', 'hrbp'] as const satisfies Role[];
const ACTORS = ['admin', 'recruiter', 'hiring_manager', 'hrbp', 'approver'] as const satisfies Role[];
const DECIDERS = ['admin', 'recruiter', 'hiring_manager', 'hrbp', 'approver', 'designer'] as const;
const ROLLOUT_READERS = ['admin', 'designer', 'auditor'] as const satisfies Role[];
const AUDIT_READERS = ['admin', 'auditor', 'hrbp'] as const satisfies Role[];

/**
 * THE authorization table: every route of the API, keyed `METHOD /path` as Hono registers it. The
 * authorize middleware refuses any route missing here, and the authorization-matrix test fails.
 */
export const ACCESS_RULES = {
  'POST /api/auth/login': { roles: 'public', scope: 'global' },
  'POST /api/auth/logout': { roles: 'authenticated', scope: 'self' },
  'GET /api/auth/me': { roles: 'authenticated', scope: 'self' },

  'GET /api/tokens': { roles: 'authenticated', scope: 'self' },
  'POST /api/tokens': { roles: 'authenticated', scope: 'self' },
  'DELETE /api/tokens/:id': { roles: 'authenticated', scope: 'self' },

  'GET /api/users': { roles: ['admin'], scope: 'global' },
  'POST /api/users': { roles: ['admin'], scope: 'global' },
  'PATCH /api/users/:id': { roles: ['admin'], scope: 'global' },
  'GET /api/access-log': { roles: ['admin', 'auditor'], scope: 'global' },

  'GET /api/workflows': { roles: EVERYONE, scope: 'unit' },
  'POST /api/workflows': { roles: WRITERS, scope: 'unit' },
  'GET /api/workflows/:id': { roles: EVERYONE, scope: 'unit' },
  'DELETE /api/workflows/:id': { roles: WRITERS, scope: 'unit' },
  'PUT /api/workflows/:id/draft': { roles: WRITERS, scope: 'unit' },
  'POST /api/workflows/:id/validate': { roles: EVERYONE, scope: 'unit' },
  'POST /api/workflows/:id/publish': { roles: WRITERS, scope: 'unit' },
  'GET /api/workflows/:id/versions': { roles: EVERYONE, scope: 'unit' },
  'GET /api/workflows/:id/versions/:n': { roles: EVERYONE, scope: 'unit' },
  'GET /api/workflows/:id/versions/:n/definition': { roles: EVERYONE, scope: 'unit' },
  'POST /api/workflows/:id/versions/:n/restore': { roles: WRITERS, scope: 'unit' },
  'GET /api/workflows/:id/diff': { roles: EVERYONE, scope: 'unit' },
  'POST /api/workflows/:id/fork': { roles: WRITERS, scope: 'unit' },
  'GET /api/workflows/:id/mappings': { roles: [...WRITERS, 'auditor'], scope: 'unit' },
  'PUT /api/workflows/:id/mappings': { roles: WRITERS, scope: 'unit' },

  'GET /api/workflows/:id/routing': { roles: ROLLOUT_READERS, scope: 'unit' },
  'PUT /api/workflows/:id/routing': { roles: WRITERS, scope: 'unit' },
  'POST /api/workflows/:id/routing/promote': { roles: WRITERS, scope: 'unit' },
  'POST /api/workflows/:id/routing/rollback': { roles: WRITERS, scope: 'unit' },
  'GET /api/workflows/:id/pilot-comparison': { roles: ROLLOUT_READERS, scope: 'unit' },
  'POST /api/workflows/:id/migrations/dry-run': { roles: WRITERS, scope: 'unit' },
  'POST /api/workflows/:id/migrations/apply': { roles: WRITERS, scope: 'unit' },

  // Sandboxes hold synthetic data and belong to no unit; what is inside them is unit-scoped.
  'GET /api/sandboxes': { roles: ROLLOUT_READERS, scope: 'global' },
  'POST /api/sandboxes': { roles: WRITERS, scope: 'global' },
  'POST /api/sandboxes/:name/reset': { roles: WRITERS, scope: 'global' },
  'DELETE /api/sandboxes/:name': { roles: WRITERS, scope: 'global' },
  'POST /api/sandboxes/:name/clock': { roles: WRITERS, scope: 'global' },
  'POST /api/sandboxes/:name/publish': { roles: WRITERS, scope: 'unit' },
  'POST /api/sandboxes/:name/synthetic': { roles: WRITERS, scope: 'unit' },
  'POST /api/sandboxes/:name/instances/:id/events': { roles: WRITERS, scope: 'unit' },
  'GET /api/sandboxes/:name/instances': { roles: ROLLOUT_READERS, scope: 'unit' },
  'GET /api/sandboxes/:name/audit': { roles: ROLLOUT_READERS, scope: 'unit' },
  'GET /api/sandboxes/:name/effects': { roles: ROLLOUT_READERS, scope: 'unit' },

  'GET /api/templates': { roles: EVERYONE, scope: 'global' },
  'GET /api/templates/:id': { roles: EVERYONE, scope: 'global' },
  'POST /api/templates/:id/fork': { roles: WRITERS, scope: 'unit' },

  'GET /api/instances': { roles: OPERATORS, scope: 'unit' },
  'POST /api/instances': { roles: STARTERS, scope: 'unit' },
  'GET /api/instances/:id': { roles: OPERATORS, scope: 'unit' },
  'POST /api/instances/:id/events': { roles: ACTORS, scope: 'unit' },

  'GET /api/approvals/inbox': { roles: DECIDERS, scope: 'unit' },
  'POST /api/approvals/:taskId/decide': { roles: DECIDERS, scope: 'unit' },
  'POST /api/approvals/:taskId/delegate': { roles: DECIDERS, scope: 'unit' },
  'POST /api/approvals/:taskId/override': { roles: ['admin'], scope: 'unit' },

  'GET /api/audit/instances/:id/entries': { roles: AUDIT_READERS, scope: 'unit' },
  'GET /api/audit/instances/:id/export': { roles: AUDIT_READERS, scope: 'unit' },
  'POST /api/audit/instances/:id/verify': { roles: AUDIT_READERS, scope: 'unit' },
  'POST /api/audit/instances/:id/replay': { roles: AUDIT_READERS, scope: 'unit' },
  'POST /api/audit/instances/:id/what-if': { roles: AUDIT_READERS, scope: 'unit' },
  'POST /api/audit/verify': { roles: ['admin', 'auditor'], scope: 'global' },
  'GET /api/audit/tree-heads/latest': { roles: ['admin', 'auditor'], scope: 'global' },
  'GET /api/audit/proofs/inclusion': { roles: ['admin', 'auditor'], scope: 'global' },
  'GET /api/audit/proofs/consistency': { roles: ['admin', 'auditor'], scope: 'global' },
  'GET /api/audit/export': { roles: ['admin', 'auditor'], scope: 'global' },

  'GET /api/stream': { roles: 'authenticated', scope: 'unit' },

  'GET /api/webhook-secrets': { roles: ['admin'], scope: 'global' },
  'POST /api/webhook-secrets': { roles: ['admin'], scope: 'global' },
  'DELETE /api/webhook-secrets/:id': { roles: ['admin'], scope: 'global' },
  'POST /api/webhooks/greenhouse': { roles: 'public', scope: 'global' },
  'POST /api/webhooks/lever': { roles: 'public', scope: 'global' },
  'POST /api/webhooks/ashby': { roles: 'public', scope: 'global' },
  'POST /api/webhooks/generic': { roles: 'public', scope: 'global' },
  'GET /api/webhook-deliveries': { roles: WRITERS, scope: 'unit' },
  'GET /api/webhook-deliveries/:id': { roles: WRITERS, scope: 'unit' },
  'POST /api/webhook-deliveries/:id/reprocess': { roles: ['admin'], scope: 'global' },

  'GET /api/instances/:id/effects': { roles: OPERATORS, scope: 'unit' },
  'GET /api/effects': { roles: ['admin'], scope: 'global' },
  'POST /api/effects/:id/retry': { roles: ['admin'], scope: 'global' },
  'POST /api/effects/:id/discard': { roles: ['admin'], scope: 'global' },
  'GET /api/system/delivery': { roles: ['admin', 'auditor'], scope: 'global' },
  'GET /api/chat-channels': { roles: ['admin'], scope: 'global' },
  'POST /api/chat-channels': { roles: ['admin'], scope: 'global' },
  'DELETE /api/chat-channels/:id': { roles: ['admin'], scope: 'global' },
  'GET /api/notifications': { roles: 'authenticated', scope: 'self' },
  'POST /api/notifications/:id/read': { roles: 'authenticated', scope: 'self' },
  'POST /api/notifications/read-all': { roles: 'authenticated', scope: 'self' },
  'GET /api/notifications/preferences': { roles: 'authenticated', scope: 'self' },
  'PUT /api/notifications/preferences': { roles: 'authenticated', scope: 'self' },
  'GET /api/sandboxes/:name/delivery': { roles: ROLLOUT_READERS, scope: 'global' },
  'PUT /api/sandboxes/:name/delivery': { roles: ['admin'], scope: 'global' },

  // Erasure reaches every unit a subject has instances in; only admins (who see all units) erase.
  'POST /api/subjects/:id/erasure': { roles: ['admin'], scope: 'global' },

  'GET /api/openapi.json': { roles: 'public', scope: 'global' },
  'GET /api/docs': { roles: 'public', scope: 'global' },
} as const satisfies Record<string, AccessRule>;

/** A route key of {@link ACCESS_RULES}. */
export type RouteKey = keyof typeof ACCESS_RULES;

/** The rule of `METHOD path`, or undefined when the route has none (which the middleware refuses). */
export function ruleFor(method: string, path: string): AccessRule | undefined {
  const key = `${method} ${path}`;
  return Object.hasOwn(ACCESS_RULES, key) ? ACCESS_RULES[key as RouteKey] : undefined;
}
