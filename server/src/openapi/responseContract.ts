import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { HttpAnswer } from '../testing/httpClient.ts';

interface RouteDefinition {
  type: string;
  route?: {
    method: string;
    path: string;
    responses: Record<string, { content?: Record<string, { schema?: z.ZodType }> }>;
  };
}

/** OpenAPI `{id}` path template → the route's response schema for one status. */
function responseSchema(app: OpenAPIHono<never>, method: string, path: string, status: number) {
  const definitions = app.openAPIRegistry.definitions as unknown as RouteDefinition[];
  const route = definitions.find(
    (d) => d.type === 'route' && d.route?.method === method.toLowerCase() && d.route.path === path,
  )?.route;
  if (!route) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const schema = route.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} declares no JSON response for status ${status}`);
  return schema;
}

/**
 * Checks a real answer against the response schema its route declares in the OpenAPI document, and
 * returns the body. Throws with the zod issues (path and message) when the body does not match.
 */
export function expectContract<T>(
  app: OpenAPIHono<never>,
  method: string,
  path: string,
  answer: HttpAnswer<T>,
): T {
  const schema = responseSchema(app, method, path, answer.status);
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${method} ${path} answered a body its schema rejects: ${issues}`);
  }
  return answer.body;
}

type JsonSchema = { [key: string]: unknown };

/**
 * Paths inside a route's documented JSON response that accept anything (`{}`, or an object with
 * open `additionalProperties` and no properties), resolving `$ref`s. `allowed` names the component
 * schemas and property names that are open on purpose.
 */
export function openSchemaPaths(
  document: { paths: Record<string, Record<string, unknown>>; components?: { schemas?: JsonSchema } },
  method: string,
  path: string,
  status: number,
  allowed: { refs: string[]; properties: string[] },
): string[] {
  const operation = document.paths[path]?.[method.toLowerCase()] as
    | { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }
    | undefined;
  const root = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!root) return [`${method} ${path} ${status}: no documented JSON schema`];
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null) return;
    const s = node as JsonSchema;
    const ref = typeof s.$ref === 'string' ? s.$ref.replace('#/components/schemas/', '') : undefined;
    if (ref) {
      if (allowed.refs.includes(ref) || seen.has(ref)) return;
      seen.add(ref);
      visit(document.components?.schemas?.[ref], `${at}<${ref}>`);
      return;
    }
    const keys = Object.keys(s).filter((k) => k !== 'description' && k !== 'nullable');
    const openObject =
      s.properties === undefined &&
      (s.additionalProperties === true ||
        (typeof s.additionalProperties === 'object' &&
          Object.keys(s.additionalProperties ?? {}).length === 0));
    if (keys.length === 0 || openObject) out.push(at || '(body)');
    for (const [name, sub] of Object.entries((s.properties as JsonSchema | undefined) ?? {}))
      if (!allowed.properties.includes(name)) visit(sub, `${at}.${name}`);
    for (const key of ['items', 'additionalProperties'])
      if (s[key] && s[key] !== true) visit(s[key], `${at}[]`);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const sub of (s[key] as unknown[] | undefined) ?? []) visit(sub, at);
  };
  visit(root, '');
  return out;
}
