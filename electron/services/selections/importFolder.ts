import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { FetchNewResult } from '../../contract/selections';
import type { z } from 'zod';
import type { AppContext } from '../core/appContext';
import { failureText } from './failureText';
import { claimedByTillAutomation } from '../automations/claimedFiles';
import { importSelection } from './importFile';

type FetchNewResultT = z.infer<typeof FetchNewResult>;

export const PROCESSED_FOLDER = 'verwerkt';
export const FAILED_FOLDER = 'mislukt';
export const IMPORTABLE = new Set(['.csv', '.txt', '.tsv', '.xlsx']);

const running = new WeakMap<AppContext, Promise<FetchNewResultT>>();

/**
 * "Nieuwe selectie(s) ophalen": every new file in the import folder becomes a selection and moves
 * to `verwerkt`; a file that cannot be imported moves to `mislukt` with a .txt saying why. A second
 * click while this runs waits for the same run instead of importing twice.
 */
export function fetchNewSelections(context: AppContext): Promise<FetchNewResultT> {
  const current = running.get(context);
  if (current) return current;
  const run = fetchAll(context).finally(() => running.delete(context));
  running.set(context, run);
  return run;
}

async function fetchAll(context: AppContext): Promise<FetchNewResultT> {
  const folder = context.settings.read().importFolder.trim();
  if (!folder)
    throw new DomainError(
      ERROR_CODES.conflict,
      'No import folder is set',
      'selections:errors.noImportFolder',
    );
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new DomainError(
      ERROR_CODES.notFound,
      'The import folder cannot be read',
      'selections:errors.importFolderMissing',
      { folder },
    );
  }
  const claimed = claimedByTillAutomation(context.database.sqlite);
  const leftForAutomation: string[] = [];
  const files = names
    .filter((name) => IMPORTABLE.has(extname(name).toLowerCase()))
    .filter((name) => !name.startsWith('.') && !name.startsWith('~$'))
    .filter((name) => {
      if (!claimed(name)) return true;
      leftForAutomation.push(name);
      return false;
    })
    .map((name) => ({ name, path: join(folder, name) }))
    .filter((f) => statSync(f.path, { throwIfNoEntry: false })?.isFile() ?? false)
    .sort((a, b) => statSync(a.path).mtimeMs - statSync(b.path).mtimeMs);

  const result: FetchNewResultT = { imported: [], failed: [], leftForAutomation };
  for (const file of files) {
    // Let the previous file's progress event reach the window before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      // The worker reads the file (after checking its size).
      const imported = await importSelection(context, {
        fileName: file.name,
        file: { path: file.path },
        description: basename(file.name, extname(file.name)),
        refuseUnreviewedSpecialColumns: true,
      });
      moveInto(folder, PROCESSED_FOLDER, file.name);
      result.imported.push({ ...imported, fileName: file.name });
    } catch (error) {
      const failure =
        error instanceof DomainError && error.key
          ? { key: error.key, params: error.params ?? {} }
          : { key: 'selections:errors.readFailed', params: {} };
      if (!(error instanceof DomainError))
        context.logger.warn(`import of ${file.name} failed`, error);
      const moved = moveInto(folder, FAILED_FOLDER, file.name);
      const language = context.settings.read().language;
      writeFileSync(
        `${moved}.txt`,
        `${failureText(failure.key, failure.params, language)}\n`,
        'utf8',
      );
      result.failed.push({ fileName: file.name, ...failure });
    }
  }
  return result;
}

/** Moves a file into a subfolder, never overwriting an earlier file of the same name. */
export function moveInto(folder: string, subfolder: string, name: string): string {
  const target = join(folder, subfolder);
  mkdirSync(target, { recursive: true });
  const ext = extname(name);
  const stem = basename(name, ext);
  let destination = join(target, name);
  for (let n = 2; statSync(destination, { throwIfNoEntry: false }); n += 1) {
    destination = join(target, `${stem} (${n})${ext}`);
  }
  renameSync(join(folder, name), destination);
  return destination;
}
