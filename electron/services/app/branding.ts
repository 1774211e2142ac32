import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Branding } from '../../contract/app';

export const BrandingFile = Branding.extend({ trackerUrl: z.string().default('') });
export type BrandingFileT = z.infer<typeof BrandingFile>;

/** Reads resources/branding/<name>.json; the default brand is Winkelpost itself. */
export function loadBranding(resourcesDir: string, name = 'winkelpost'): BrandingFileT {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid branding name: ${name}`);
  const raw: unknown = JSON.parse(
    readFileSync(join(resourcesDir, 'branding', `${name}.json`), 'utf8'),
  );
  return BrandingFile.parse(raw);
}
