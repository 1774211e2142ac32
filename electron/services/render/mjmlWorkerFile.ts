import { workerFile } from '../core/workerFile';

/**
 * mjmlWorker.mjs beside the bundle, else mjmlWorker.ts bundled once (core/workerFile.ts), both
 * with MJML inside and the packages it never uses left out (scripts/mjmlWorkerBundle.mjs).
 */
export function mjmlWorkerFile(): Promise<string> {
  // import.meta.url keeps the source's place in a bundle (scripts/build-node.mjs rewrites it).
  return workerFile(
    'mjmlWorker',
    import.meta.dirname,
    new URL('./mjmlWorker.ts', import.meta.url),
    async () => (await import('../../../scripts/mjmlWorkerBundle.mjs')).mjmlWorkerBundling(),
  );
}
