import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tests',
    include: ['src/**/*.test.ts'],
    passWithNoTests: true,
    // The browser journeys (src/e2e) start a real server and Chromium: give them minutes, not seconds.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Builds designer/dist once when it is missing (the server serves it to the journeys).
    globalSetup: ['src/e2e/globalSetup.ts'],
  },
});
