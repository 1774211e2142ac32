import { readFile, stat } from 'node:fs/promises';
import { importError } from '../importError';
import { IMPORT_LIMITS } from '../limits';
import { tooLarge } from '../parse/importSource';
import type { ImportFileSource } from './protocol';

/** The file's bytes for the import worker, and their SHA-256 (hex) when read here. */
export interface FileForWorker {
  bytes: Buffer;
  fingerprint?: string;
}

/**
 * Reads a named file on libuv's thread pool and hashes it there (WebCrypto's digest), while the
 * import worker thread is still starting (some 80 ms before it can read anything itself): the
 * open no longer waits for the start, then the read, then the hash, one after the other. The size
 * is checked before anything is read; the bytes are moved to the worker, not copied.
 */
export async function fileForWorker(file: ImportFileSource): Promise<FileForWorker> {
  if ('bytes' in file) return { bytes: file.bytes };
  const size = (await stat(file.path).catch(() => undefined))?.size;
  if (size === undefined) throw importError('uploadMissing', 'The file is gone');
  if (size > IMPORT_LIMITS.maxBytes) throw tooLarge(size);
  const bytes = await readFile(file.path);
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw tooLarge(bytes.length);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return { bytes, fingerprint: Buffer.from(digest).toString('hex') };
}
