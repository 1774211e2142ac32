/**
 * The app's main process for the crash test: opens the data folder given in WINKELPOST_DATA_DIR
 * and runs the send queue until it is killed. Started with `node --import tsx`.
 */
import { createApp } from '../../../electron/app';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { fakeResolver } from './seed';

const dataDir = process.env.WINKELPOST_DATA_DIR;
if (!dataDir) throw new Error('WINKELPOST_DATA_DIR is not set');

const app = await createApp({
  dataDir,
  logger: silentLogger,
  cipher: aesSecretCipher(Buffer.alloc(32, 1)),
  sending: { resolver: fakeResolver() },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
