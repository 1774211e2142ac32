import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { IMPORTABLE } from '../selections/importFolder';
import { matchesPattern } from './timeWindow';

export interface TillFile {
  name: string;
  path: string;
  modifiedAt: number;
  /** SHA-256 of the content: the run's source key, so the same export never runs twice. */
  hash: string;
}

/** The import folder's files that match the automation's pattern, oldest first. */
export function tillFiles(folder: string, pattern: string): TillFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => IMPORTABLE.has(extname(name).toLowerCase()))
    .filter((name) => !name.startsWith('.') && !name.startsWith('~$'))
    .filter((name) => matchesPattern(name, pattern))
    .flatMap((name) => {
      const path = join(folder, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) return [];
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      return [{ name, path, modifiedAt: stat.mtimeMs, hash }];
    })
    .sort((a, b) => a.modifiedAt - b.modifiedAt);
}

/** The voucher's barcode of a contact: the key of "never the same voucher twice". */
export function barcodeOf(data: Record<string, string>): string | null {
  const barcode = (data.waardebon_barcode ?? '').trim();
  return barcode === '' ? null : barcode;
}
