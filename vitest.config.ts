import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Finds (or, on Debian as root, installs) the browser and LibreOffice before any test runs.
    globalSetup: ['tests/setup/tools.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
