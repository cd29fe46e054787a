import { ruleFor } from '../authz/accessRules.ts';
import { SESSION_COOKIE } from '../middleware/authorize.ts';

type Operation = { operationId?: string; security?: Record<string, string[]>[] };
type OpenApiDocument = { paths?: object; components?: object; servers?: { url: string }[] };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** `get` + `/api/instances/{id}/events` → `getInstancesByIdEvents`: stable, unique per route. */
export function toOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const param = /^\{(.+)\}$/.exec(part);
      const word = param ? `by-${param[1]}` : part;
      return word
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0]?.toUpperCase() + w.slice(1))
        .join('');
    });
  return `${method.toLowerCase()}${words.join('')}`;
}

/**
 * Adds what the zod routes do not state themselves: the two security schemes (the designer's session
 * cookie, API bearer tokens) required by default and lifted on public routes (per the authorization
 * table), an `operationId` on every operation that has none, and the server the document came from.
 */
export function withApiConventions<T extends OpenApiDocument>(document: T, serverUrl: string): T {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(document.paths ?? {}) as [string, Record<string, Operation>][]) {
    const honoPath = path.replace(/\{([^}]+)\}/g, ':$1');
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, operation]) => {
        if (!METHODS.has(method)) return [method, operation];
        const rule = ruleFor(method.toUpperCase(), honoPath);
        const isPublic = rule === undefined ? !path.startsWith('/api/') : rule.roles === 'public';
        return [
          method,
          {
            ...operation,
            operationId: operation.operationId ?? toOperationId(method, path),
            ...(isPublic ? { security: [] } : {}),
          },
        ];
      }),
    );
  }
  return {
    ...document,
    servers: document.servers ?? [{ url: serverUrl, description: 'this server' }],
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    components: {
      ...document.components,
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by POST /api/auth/login; writes also need the x-csrf-token header',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (POST /api/tokens)',
        },
      },
    },
    paths,
  };
}
