// The reseller brand baked into a build: BRANDING=<name> (resources/branding/<name>.json).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The chosen brand's name; refuses names that could leave the branding folder or do not exist. */
export function brandingName(env = process.env, resourcesDir = join(root, 'resources')) {
  const name = env.BRANDING?.trim() || 'winkelpost';
  if (!/^[a-z0-9-]+$/.test(name)) {
    throw new Error(`BRANDING="${name}" is geen geldige naam (alleen a-z, 0-9 en -).`);
  }
  if (!existsSync(join(resourcesDir, 'branding', `${name}.json`))) {
    throw new Error(`BRANDING="${name}": resources/branding/${name}.json bestaat niet.`);
  }
  return name;
}
