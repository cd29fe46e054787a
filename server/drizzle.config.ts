import { defineConfig } from 'drizzle-kit';

/** The server's own tables (users, sessions, tokens, webhooks, access log), beside the runtime's. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
  migrations: { table: '__server_migrations' },
});
