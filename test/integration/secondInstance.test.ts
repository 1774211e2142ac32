import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app';
import { PROJECT_ROOT } from '../../electron/paths';
import { tempDir } from '../helpers/tempDir';
import { childAppOptions, exited } from './sending/queueProcess';

const CLI = join(PROJECT_ROOT, 'electron/server/cli.ts');

interface Instance {
  process: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `npm run start:browser` without the renderer build, on a free port. */
function startInstance(dataDir: string): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WINKELPOST_DATA_DIR: dataDir, WINKELPOST_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { process: child, output };
}

function serving(instance: Instance): Promise<void> {
  return new Promise((resolve, reject) => {
    instance.process.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('browsermodus')) resolve();
    });
    void instance.output.then((o) => reject(new Error(`exited (${o.code}): ${o.stderr}`)));
  });
}

describe('a second browser-mode instance on the same data folder', () => {
  const dir = tempDir();
  const running: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of running) {
      child.kill('SIGKILL');
      await exited(child);
    }
    dir.remove();
  });

  it('says so in one line and exits without touching the queue; a killed instance leaves no lock', async () => {
    const setup = await createApp(childAppOptions(dir.path));
    const created = await setup.handlers['mailings.create']({ type: 'newsletter' });
    await setup.close();
    const mailingId = created.ok ? (created.value as { id: string }).id : '';

    const first = startInstance(dir.path);
    running.push(first.process);
    await serving(first);
    // The running instance has a mail on its way (written as its queue would).
    const db = new Database(join(dir.path, 'winkelpost.sqlite'));
    db.prepare(
      `insert into sends (id, mailing_id, idempotency_key, state, created_at)
       values ('snd_onderweg', ?, 'key-onderweg', 'paused', 0)`,
    ).run(mailingId);
    db.prepare(
      `insert into send_jobs (send_id, mailing_id, email, normalized_email, recipient_id, message_id,
         state, wire_at, updated_at)
       values ('snd_onderweg', ?, 'klant@example.nl', 'klant@example.nl', 'r1', '<m1@bakkerij.nl>',
         'sending', 1, 1)`,
    ).run(mailingId);

    const second = startInstance(dir.path);
    const refused = await second.output;
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('Winkelpost draait al met deze gegevensmap'),
    ]);
    const job = db.prepare('select state from send_jobs').get() as { state: string };
    expect(job.state).toBe('sending');
    db.close();

    // Killed without a chance to clean up: the operating system frees the lock.
    first.process.kill('SIGKILL');
    await exited(first.process);
    const third = startInstance(dir.path);
    running.push(third.process);
    await serving(third);
  });
});
