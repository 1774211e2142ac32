import { afterAll, beforeAll, describe } from 'vitest';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from './postgresCluster';

/**
 * Runs `define` against a throwaway PostgreSQL cluster started for this test file, or registers
 * one skipped suite saying why when Debian's postgresql binaries are not installed.
 */
export function withPostgres(define: (cluster: () => PostgresCluster) => void): void {
  const found = findPostgresBin();
  if ('missing' in found) {
    describe.skip(`PostgreSQL (skipped: ${found.missing})`, () => {
      define(() => {
        throw new Error(found.missing);
      });
    });
    return;
  }
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgresCluster(found.bin);
  });
  afterAll(async () => cluster?.stop());
  define(() => {
    if (!cluster) throw new Error('PostgreSQL cluster did not start');
    return cluster;
  });
}
