import { workerFile } from '../../core/workerFile';

/**
 * The import worker's entry file: importWorker.mjs beside the bundle, or its source bundled once
 * (core/workerFile.ts). Null when esbuild cannot do it: the caller then runs the source through
 * tsx.
 */
export function workerEntry(): Promise<string | null> {
  return workerFile(
    'importWorker',
    import.meta.dirname,
    new URL('./importWorker.ts', import.meta.url),
  ).catch(() => null);
}
