import { describe, expect, it } from 'vitest';
import {
  FileTooLargeError,
  MAX_IMPORT_BYTES,
  importFileRef,
} from '../../../renderer/src/pages/selections/importFileSource';
import { MAX_IMPORT_BYTES as CONTRACT_MAX } from '../../../electron/contract/selections';

const file = new File(['email\r\na@example.nl\r\n'], 'kassa.csv');

describe('how the window names a chosen file for analyze and import', () => {
  it("Electron: only the file's path, nothing is uploaded", async () => {
    const uploads: File[] = [];
    const ref = await importFileRef(file, {
      pathForFile: () => '/home/winkel/kassa.csv',
      upload: async (f) => (uploads.push(f), 'never'),
    });
    expect(ref).toEqual({ filePath: '/home/winkel/kassa.csv' });
    expect(uploads).toEqual([]);
  });

  it('browser mode, or a file without a path: one upload, named by its id', async () => {
    const uploads: File[] = [];
    const upload = async (f: File) => (uploads.push(f), 'e3b0c442-98fc-4c14-9afb-f4c8996fb924');
    expect(await importFileRef(file, { upload })).toEqual({
      uploadId: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
    });
    expect(await importFileRef(file, { pathForFile: () => '', upload })).toEqual({
      uploadId: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
    });
    expect(uploads).toEqual([file, file]);
  });

  it('refuses a file over the limit before sending anything', async () => {
    const big = { size: MAX_IMPORT_BYTES + 1 } as File;
    const uploads: File[] = [];
    const refusal = await importFileRef(big, {
      pathForFile: () => '/x.csv',
      upload: async (f) => (uploads.push(f), 'never'),
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FileTooLargeError);
    expect((refusal as FileTooLargeError).sizeMb).toBe(51);
    expect(uploads).toEqual([]);
    expect(MAX_IMPORT_BYTES).toBe(CONTRACT_MAX);
  });
});
