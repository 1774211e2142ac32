import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../electron/paths';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';

const CHILD = join(PROJECT_ROOT, 'test/integration/selections/importChild.ts');
const dir = tempDir();
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  dir.remove();
});

it('an app killed with SIGKILL in the middle of an import (worker thread busy) keeps nothing of it', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WINKELPOST_DATA_DIR: dir.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('importing')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`import process exited (${code}): ${errors}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(output).not.toContain('finished');

  t = await openTestApp(dir.path, new ManualClock());
  const sqlite = t.app.context.database.sqlite;
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(sqlite.prepare('select count(*) from selections').pluck().get()).toBe(0);
  expect(sqlite.prepare('select count(*) from contacts').pluck().get()).toBe(0);
  // And the next import of the same file works.
  const lines = ['email;naam', 'a@example.nl;A'];
  const result = await t.call('selections.import', {
    fileName: 'groot.csv',
    dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
    description: 'Opnieuw',
    consent: true,
  });
  expect(result.imported).toBe(1);
});
