/**
 * A file named by its path is for the desktop app only (its preload gives the path of a file the
 * shop chose). Over HTTP it would let a caller have any file of the OS user read and previewed;
 * the page uploads the bytes instead (`PUT /api/upload`).
 */
export function namesLocalPath(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'filePath' in input;
}
