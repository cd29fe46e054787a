import { writeFileSync } from 'node:fs';
import { startTestServer } from '../testing/testServer.ts';
import { DESIGNER_TYPES_FILE, generateDesignerTypes } from './designerTypes.ts';

/**
 * Writes designer/src/api/generated/openapi.ts from the document a real server answers at
 * /api/openapi.json (`pnpm --filter @hireflow/server api:types`).
 */
const server = await startTestServer();
try {
  const document = await server.anonymous().get('/api/openapi.json');
  writeFileSync(DESIGNER_TYPES_FILE, await generateDesignerTypes(document.body));
  console.log(`wrote ${DESIGNER_TYPES_FILE}`);
} finally {
  await server.close();
}
