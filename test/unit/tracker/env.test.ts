import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackerEnv } from '../../../tracker/env';

const MB = 1024 * 1024;

describe('TRACKER_SPOOL_MAX_MB', () => {
  it('caps the unstored spool at 256 MB unless set', () => {
    expect(trackerEnv({}).spoolCap.capBytes).toBe(256 * MB);
    expect(trackerEnv({ TRACKER_SPOOL_MAX_MB: '' }).spoolCap.capBytes).toBe(256 * MB);
    expect(trackerEnv({ TRACKER_SPOOL_MAX_MB: '1024' }).spoolCap.capBytes).toBe(1024 * MB);
    expect(trackerEnv({ TRACKER_SPOOL_MAX_MB: '0.5' }).spoolCap.capBytes).toBe(MB / 2);
  });

  it('refuses a value that is no positive number, naming it', () => {
    for (const value of ['0', '-5', 'veel', '256MB'])
      expect(() => trackerEnv({ TRACKER_SPOOL_MAX_MB: value })).toThrow(
        `TRACKER_SPOOL_MAX_MB "${value}" is not a positive number`,
      );
  });
});

describe('TRACKER_SPOOL_DIR', () => {
  it('defaults to a folder per port with PostgreSQL, so two instances in one folder never share', () => {
    const url = 'postgres://tracker@localhost/tracker';
    const a = trackerEnv({ DATABASE_URL: url, TRACKER_PORT: '8080' }).spoolDir;
    const b = trackerEnv({ DATABASE_URL: url, TRACKER_PORT: '8081' }).spoolDir;
    expect(a).toBe(join(process.cwd(), 'tracker-spool-8080'));
    expect(b).toBe(join(process.cwd(), 'tracker-spool-8081'));
    expect(trackerEnv({ DATABASE_URL: url, TRACKER_SPOOL_DIR: '/srv/spool' }).spoolDir).toBe(
      '/srv/spool',
    );
  });

  it('takes over the PostgreSQL default of before (./tracker-spool) only on the default folder', () => {
    const url = 'postgres://tracker@localhost/tracker';
    expect(trackerEnv({ DATABASE_URL: url }).legacySpoolDir).toBe(
      join(process.cwd(), 'tracker-spool'),
    );
    expect(trackerEnv({ DATABASE_URL: url, TRACKER_SPOOL_DIR: '/srv/spool' }).legacySpoolDir).toBe(
      undefined,
    );
    // The SQLite default (<TRACKER_DB>.spool) never changed.
    expect(trackerEnv({}).legacySpoolDir).toBe(undefined);
  });
});
