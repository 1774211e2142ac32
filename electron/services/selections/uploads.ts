import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_FILE_MODE, makePrivateDir } from '../core/privateFiles';
import { importError } from './importError';
import { tooLarge } from './parse/importSource';
import { IMPORT_LIMITS } from './limits';

/**
 * Browser mode's uploads of import files: the page sends the file's bytes once (PUT /api/upload),
 * they stream into a private file in the data folder, and analyze and import name it by its id.
 * The size limit is checked while the bytes arrive, so an oversized file is never held. An upload
 * is removed after its import, when the shop cancels, and at every start.
 */
const FOLDER = 'uploads';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uploadsDir(dataDir: string): string {
  return join(dataDir, FOLDER);
}

/** Where an upload's bytes are; a malformed id (never a path) is refused. */
export function uploadPath(dataDir: string, uploadId: string): string {
  if (!ID.test(uploadId)) throw importError('uploadMissing', 'No such upload');
  return join(uploadsDir(dataDir), uploadId);
}

/**
 * Streams a body into a new upload (0600) and returns its id. Refuses with `tooLarge` as soon as
 * the announced length or the bytes received pass the limit, leaving nothing behind.
 */
export async function receiveUpload(
  dataDir: string,
  body: Readable,
  announcedBytes?: number,
): Promise<string> {
  const limit = IMPORT_LIMITS.maxBytes;
  if (announcedBytes !== undefined && announcedBytes > limit) throw tooLarge(announcedBytes);
  makePrivateDir(uploadsDir(dataDir));
  const id = randomUUID();
  const path = uploadPath(dataDir, id);
  let received = 0;
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          received += chunk.length;
          if (received > limit) throw tooLarge(received);
          yield chunk;
        }
      },
      createWriteStream(path, { mode: PRIVATE_FILE_MODE, flags: 'wx' }),
    );
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return id;
}

export function discardUpload(dataDir: string, uploadId: string): void {
  rmSync(uploadPath(dataDir, uploadId), { force: true });
}

/** At start: uploads of an earlier run (an import that never came) are removed. */
export function clearUploads(dataDir: string): void {
  rmSync(uploadsDir(dataDir), { recursive: true, force: true });
}
