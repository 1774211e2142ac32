import { defineConfig } from 'vitest/config';

// Two projects so CI can report unit and integration runs apart; both run under plain Node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          // realMta: the same promises against a real mail server, skipped where it is not installed.
          include: ['test/integration/**/*.test.ts', 'test/realMta/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
