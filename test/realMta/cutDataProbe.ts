import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../electron/paths';
import { exited } from '../integration/sending/queueProcess';
import { until } from '../integration/sending/seed';
import { readDeliveries } from './maildir';
import { summarizeLog } from './postfixLog';
import type { PostfixInstance } from './postfixInstance';

const CLIENT = join(PROJECT_ROOT, 'test/realMta/halfMessageClient.ts');

/**
 * A sender killed with half a message's DATA sent (no final dot): what does Postfix do with it?
 * Answers the log's line for it, whether cleanup saw the message begin, and whether it arrived.
 */
export async function cutDataProbe(postfix: PostfixInstance) {
  const messageId = `<afgebroken-${Date.now()}@bakkerij.nl>`;
  const client = spawn(
    process.execPath,
    ['--import', 'tsx', CLIENT, String(postfix.port), messageId, 'afgebroken@example.nl'],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    client.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('cut')) resolve();
    });
    client.once('exit', () => reject(new Error('the half-message client ended before its cut')));
  });
  // Postfix has read what was sent (cleanup logs the Message-ID), then the sender dies.
  await until(
    'cleanup to log the cut message',
    () => summarizeLog(postfix.logFile).dataBegun.has(messageId),
    (seen) => seen,
    10_000,
  );
  client.kill('SIGKILL');
  await exited(client);
  const log = await until(
    'Postfix to log the lost connection',
    () => summarizeLog(postfix.logFile),
    (summary) => summary.lostAfterData.length > 0,
    10_000,
  );
  // Give a delivery, had there been one, the time to happen.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return {
    cleanupSawDataBegin: log.dataBegun.has(messageId),
    postfixSaid: log.lostAfterData.at(-1),
    delivered: readDeliveries(postfix.maildir).some((d) => d.messageId === messageId),
  };
}
