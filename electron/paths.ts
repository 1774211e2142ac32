import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or packaged app) root: where resources/ and renderer/dist live. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESOURCES_DIR = join(PROJECT_ROOT, 'resources');
export const RENDERER_DIST = join(PROJECT_ROOT, 'renderer', 'dist');

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WINKELPOST_DATA_DIR
    ? resolve(env.WINKELPOST_DATA_DIR)
    : join(homedir(), '.winkelpost');
}
