import { createApp } from '../app';
import { lockDataDir } from './dataDirLock';
import { browserPort } from './listenPort';
import { defaultDataDir, RENDERER_DIST } from '../paths';
import { PREVIEW_PREFIX, previewRoute } from './previewRoute';
import { startServer } from './server';

/** `npm run start:browser`: the whole app in a browser tab, on loopback only. */
async function main(): Promise<void> {
  // Everything this process creates (database, backups, outbox, token) is for this OS user only.
  process.umask(0o077);
  const listen = browserPort(process.env.WINKELPOST_PORT);
  if ('error' in listen) {
    console.error(listen.error);
    process.exit(1);
  }
  const dataDir = defaultDataDir();
  const lock = lockDataDir(dataDir);
  if (!lock) {
    // Before createApp: a second instance must not touch the running one's queue.
    console.error(
      `Winkelpost draait al met deze gegevensmap (${dataDir}); gebruik dat venster of sluit het eerst.`,
    );
    process.exit(1);
  }
  const app = await createApp({
    dataDir,
    mode: 'browser',
    ...(process.env.WINKELPOST_TRACKER_URL
      ? { trackerUrl: process.env.WINKELPOST_TRACKER_URL }
      : {}),
  });
  const server = await startServer({
    app,
    port: listen.port,
    rendererDir: RENDERER_DIST,
    routes: { [PREVIEW_PREFIX]: previewRoute(app) },
  });
  // The link carries this start's token; tools read it from <dataDir>/browser-token.
  console.log(`Winkelpost draait in browsermodus: ${server.openUrl}  (gegevens: ${dataDir})`);
  const stop = async () => {
    await server.close();
    await app.close();
    lock.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Winkelpost kon niet starten: ${(error as Error).message}`);
  process.exit(1);
});
