import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates the SQLite migrations in `drizzle/` from the schema (`pnpm db:generate`). */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/store/schema/index.ts',
  out: './drizzle',
});
