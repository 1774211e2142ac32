/**
 * `npm run bounces:classify -- <file-or-folder>...`: classifies saved bounce messages (.eml, one
 * message per file) the way the bounce mailbox poller does, and prints one JSON line per message.
 * Exit code 0 when every file could be read, 1 otherwise (the unreadable ones go to stderr).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { classificationLine } from '../electron/services/bounces/classificationLine';
import { parseBounce } from '../electron/services/bounces/parseBounce';

function filesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => filesIn(join(path, name)));
}

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('Usage: npm run bounces:classify -- <file-or-folder>...\n');
    return 2;
  }
  let failures = 0;
  for (const path of paths) {
    let files: string[];
    try {
      files = filesIn(path);
    } catch (error) {
      process.stderr.write(`${path}: ${(error as Error).message}\n`);
      failures += 1;
      continue;
    }
    for (const file of files) {
      try {
        const report = await parseBounce(readFileSync(file));
        process.stdout.write(`${JSON.stringify(classificationLine(basename(file), report))}\n`);
      } catch (error) {
        process.stderr.write(`${file}: ${(error as Error).message}\n`);
        failures += 1;
      }
    }
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
