import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the designer's generated API types live (committed; a test fails when they are stale). */
export const DESIGNER_TYPES_FILE = fileURLToPath(
  new URL('../../../designer/src/api/generated/openapi.ts', import.meta.url),
);

const HEADER = `/**
 * Generated from the server's OpenAPI document (/api/openapi.json) by openapi-typescript.
 * Do not edit: run \`pnpm --filter @hireflow/server api:types\` after changing a route's schemas.
 */
`;

/** The designer's API types as TypeScript source, generated from an OpenAPI 3.1 document. */
export async function generateDesignerTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: true });
  return `${HEADER}${astToString(ast)}`;
}
