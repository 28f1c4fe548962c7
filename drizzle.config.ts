import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./db/schema.ts', './db/schema/outreach.ts'],
  out: './db/migrations',
  casing: 'snake_case',
});
