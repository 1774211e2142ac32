// `npm run branding:check [name]`: every brand (or one) against the full branding schema.
import { join, resolve } from 'node:path';
import { brandingFiles, checkBrandingFile } from '../electron/services/desktop/brandingSchema';

const dir = resolve(import.meta.dirname, '..', 'resources', 'branding');
const only = process.argv[2];
const files = only ? [`${only}.json`] : brandingFiles(dir);
let failed = false;
for (const file of files) {
  const problem = checkBrandingFile(dir, file);
  if (problem) {
    failed = true;
    console.error(`${join('resources/branding', file)}:\n  ${problem.problems.join('\n  ')}`);
  }
}
if (failed) process.exit(1);
console.log(`Branding in orde: ${files.join(', ')}`);
