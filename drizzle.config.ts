import { defineConfig } from 'drizzle-kit';

// Generates the next numbered SQL migration from src/db/schema.ts; landed migrations are never edited.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
