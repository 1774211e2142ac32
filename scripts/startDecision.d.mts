export function electronBinaryPath(root: string): string | null;
export function hasDisplay(env: Record<string, string | undefined>, platform: string): boolean;
export type StartChoice =
  { mode: 'electron' } | { mode: 'download' } | { mode: 'browser'; reason: string };
export function chooseStart(input: {
  binaryPresent: boolean;
  display: boolean;
  env: Record<string, string | undefined>;
  downloadTried: boolean;
}): StartChoice;
