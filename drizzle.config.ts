import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/platform/*/*.schema.ts',
    './src/features/*/*.schema.ts',
    './src/seed/*.schema.ts',
  ],
  out: './src/platform/db/migrations',
  casing: 'snake_case',
});
