import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../../helpers/freePort';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster from Debian's binaries (apt package `postgresql`) in a temp
 * folder on a free loopback port, without fsync (test data only). As root the binaries run as the
 * `postgres` user. When the binaries are missing, findPostgresBin() says why and tests skip.
 */
export interface PostgresCluster {
  /**
   * A new, empty place for one test: its own schema in the test database (much faster than a
   * database per test); the URL puts it first on the search_path.
   */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Debian's layout; WINKELPOST_POSTGRES_ROOT points elsewhere (or nowhere, to check the skip). */
export function findPostgresBin(
  root = process.env.WINKELPOST_POSTGRES_ROOT ?? '/usr/lib/postgresql',
): { bin: string } | { missing: string } {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter(
          (v) =>
            existsSync(join(root, v, 'bin', 'initdb')) &&
            existsSync(join(root, v, 'bin', 'pg_ctl')),
        )
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return { bin: join(root, versions[0], 'bin') };
  return {
    missing: `PostgreSQL binaries not found under ${root}/*/bin (install the Debian package "postgresql")`,
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'winkelpost-pg-'));
  const data = join(dir, 'data');
  const owner = await postgresUser();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const as = (command: string, args: string[]) =>
    owner
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args);

  const port = await freePort();
  try {
    await as('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await as('pg_ctl', [
      '-D',
      data,
      '-o',
      settings,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const base = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let count = 0;
  return {
    async createDatabase() {
      count += 1;
      const schema = `tracker_test_${count}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      try {
        await admin.query(`create schema ${schema}`);
      } finally {
        await admin.end();
      }
      return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
    async stop() {
      try {
        await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
