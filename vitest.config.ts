import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['runtime', 'templates', 'server', 'designer', 'tests'],
  },
});
