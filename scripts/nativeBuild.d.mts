export const NATIVE_MODULE: 'better-sqlite3';
export function nodeKey(versions?: { modules: string }): string;
export function electronKey(electronVersion: string): string;
export function electronVersion(root: string): string;
export interface NativePaths {
  active: string;
  marker: string;
  cacheDir: string;
}
export function nativePaths(root: string): NativePaths;
export function cachedBuild(paths: NativePaths, key: string): string;
export type SwitchPlan = { action: 'none' } | { action: 'swap' } | { action: 'rebuild' };
export function planSwitch(input: {
  current: string;
  wanted: string;
  cached: string[];
}): SwitchPlan;
export function rebuildCommand(
  key: string,
  context: {
    root: string;
    env: Record<string, string | undefined>;
    execPath: string;
    platform: string;
  },
): { command: string; args: string[]; env: Record<string, string | undefined> };
export function withoutNodeHeaders(
  env: Record<string, string | undefined>,
): Record<string, string | undefined>;
export const OFFLINE_EXPLANATION: string;
export function switchNative(
  root: string,
  wanted: string,
  options?: { log?: (line: string) => void; env?: Record<string, string | undefined> },
): SwitchPlan;
