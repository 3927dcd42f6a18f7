import { defineConfig } from 'vitest/config'

// One project per kind of test: unit, integration, browser, cdk. Integration and browser tests share
// one DynamoDB Local and one s3rver started by the global setup; each test file gets its own table and bucket.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property runs generate hundreds of cases; on a loaded 2-core machine one can take well past vitest's 5 s.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/dynamodb-global.ts', 'tests/setup/s3-global.ts'],
          setupFiles: ['tests/setup/fresh-table.ts'],
          // Generous: on a 2-core CI machine every file shares one DynamoDB Local (Java) with the others.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/dynamodb-global.ts', 'tests/setup/s3-global.ts'],
          setupFiles: ['tests/setup/fresh-table.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Chromium is heavy on a 2-core machine: one browser file at a time.
          fileParallelism: false,
          // expect.poll waits for a condition (a page update after a click); 1 s by default is a race on a busy machine.
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
      {
        // The AWS app: template assertions on stacks synthesised from bundles built once per run.
        test: {
          name: 'cdk',
          include: ['tests/cdk/**/*.test.ts'],
          globalSetup: ['tests/setup/cdk-bundles.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
