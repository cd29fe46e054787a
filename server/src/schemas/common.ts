import { z } from '@hono/zod-openapi';
import { ROLES } from '../db/schema.ts';

/** RFC 9457 problem, as every error answers. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/** The problem responses most routes can give. */
export const problemResponses = {
  401: { description: 'Not signed in', content: { 'application/problem+json': { schema: Problem } } },
  403: {
    description: 'Role not allowed or CSRF',
    content: { 'application/problem+json': { schema: Problem } },
  },
  404: {
    description: 'Missing or another unit',
    content: { 'application/problem+json': { schema: Problem } },
  },
  422: { description: 'Invalid request', content: { 'application/problem+json': { schema: Problem } } },
} as const;

/** A JSON response description for route configs. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** An id in a path: short, printable, no separators that could confuse logs or paths. */
export const IdParam = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'not a valid id');

/** `{ id }` path params. */
export const IdParams = z.strictObject({ id: IdParam.openapi({ param: { name: 'id', in: 'path' } }) });

/** One of the roles. */
export const RoleSchema = z.enum(ROLES);

/**
 * A role a user can hold: a system role, or an organisation's own approver group that workflows name
 * (`finance`, `ta_manager`, `comp_committee`…). Only system roles open API routes; the others make a
 * person eligible for approval steps and role-restricted transitions.
 */
export const UserRoleSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'use a lowercase role name like finance or hiring_manager');

/** A user's roles: at least one system role (it decides which routes they may call). */
export const UserRolesSchema = z
  .array(UserRoleSchema)
  .min(1)
  .max(20)
  .refine((roles) => roles.some((role) => (ROLES as readonly string[]).includes(role)), {
    message: `include at least one of ${ROLES.join(', ')}`,
  });

/** A business unit name. */
export const BusinessUnit = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_ .&-]+$/, 'not a valid business unit');

/** A user as the API shows it. */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    businessUnits: z.array(z.string()),
    active: z.boolean(),
  })
  .openapi('User');

/** `?limit=&cursor=` of list routes. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
};
