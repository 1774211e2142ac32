import { describe, expect, it } from 'vitest';
import { findPostgresBin } from './helpers/postgresCluster';

describe('findPostgresBin', () => {
  it('says what is missing instead of failing when PostgreSQL is not installed', () => {
    expect(findPostgresBin('/nonexistent/postgresql')).toEqual({
      missing:
        'PostgreSQL binaries not found under /nonexistent/postgresql/*/bin (install the Debian package "postgresql")',
    });
  });
});
