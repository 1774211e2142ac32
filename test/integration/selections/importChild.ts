/**
 * The app's main process for the import kill test: opens WINKELPOST_DATA_DIR, imports a large CSV
 * through the real channel and says "importing" at the first progress event, then waits to be
 * killed. Started with `node --import tsx`.
 */
import { createApp } from '../../../electron/app';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';

const dataDir = process.env.WINKELPOST_DATA_DIR;
if (!dataDir) throw new Error('WINKELPOST_DATA_DIR is not set');

const app = await createApp({
  dataDir,
  logger: silentLogger,
  cipher: aesSecretCipher(Buffer.alloc(32, 1)),
});
const lines = ['email;naam'];
for (let i = 1; i <= 200_000; i += 1) lines.push(`k${i}@example.nl;Klant ${i}`);
app.events.subscribe((name, payload) => {
  if (name === 'import.progress' && (payload as { rows: number }).rows >= 10_000)
    process.stdout.write('importing\n');
});
const envelope = await app.handlers['selections.import']({
  fileName: 'groot.csv',
  dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
  description: 'Groot',
  consent: true,
});
process.stdout.write(`finished ${JSON.stringify(envelope.ok)}\n`);
