import { MAX_IMPORT_BYTES } from '../../../../electron/contract/plain/importLimits';

/** The main side's limit, checked here too before anything is sent. */
export { MAX_IMPORT_BYTES };

export class FileTooLargeError extends Error {
  constructor(readonly sizeMb: number) {
    super('file too large');
  }
}

/** How analyze and import name a chosen file: its path (Electron) or its upload (browser mode). */
export type ImportFileRef = { filePath: string } | { uploadId: string };

export interface ImportFileWays {
  /** Electron's preload: the file's path, '' when it has none (absent in browser mode). */
  pathForFile?: (file: File) => string;
  /** Browser mode: sends the bytes once and answers the upload's id. */
  upload: (file: File) => Promise<string>;
}

/**
 * The file goes to the main side once: in Electron only its path (the import worker reads it),
 * in browser mode one streamed upload. Never as base64 in a call.
 */
export async function importFileRef(file: File, ways: ImportFileWays): Promise<ImportFileRef> {
  if (file.size > MAX_IMPORT_BYTES) throw new FileTooLargeError(Math.ceil(file.size / 1024 / 1024));
  const filePath = ways.pathForFile?.(file) ?? '';
  if (filePath !== '') return { filePath };
  return { uploadId: await ways.upload(file) };
}
