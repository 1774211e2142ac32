/** Same limit as the main side (MAX_IMPORT_BYTES in the contract), checked before uploading. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export class FileTooLargeError extends Error {
  constructor(readonly sizeMb: number) {
    super('file too large');
  }
}

/** The file's bytes as base64, in chunks so a large file does not blow the call stack. */
export async function readFileBase64(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw new FileTooLargeError(Math.ceil(file.size / 1024 / 1024));
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
