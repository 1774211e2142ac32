export function fuseConfig(platform: string): Record<string | number, unknown>;
export function electronBinary(input: {
  platform: string;
  appOutDir: string;
  productFilename: string;
  executableName: string;
}): string;
