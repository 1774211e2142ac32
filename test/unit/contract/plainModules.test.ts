import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const plainDir = join(root, 'electron/contract/plain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `import … from '…'` / `export … from '…'` with whether it is type-only. */
function importsOf(source: string): { from: string; typeOnly: boolean }[] {
  const found: { from: string; typeOnly: boolean }[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms;
  for (const match of source.matchAll(statement))
    found.push({ from: match[2]!, typeOnly: match[1] !== undefined });
  for (const match of source.matchAll(/^import\s+['"]([^'"]+)['"]/gm))
    found.push({ from: match[1]!, typeOnly: false });
  return found;
}

describe('plain contract modules', () => {
  it('import nothing, so the renderer can bundle them without zod, Node or Electron', () => {
    const files = sourceFiles(plainDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(importsOf(source), relative(root, file)).toEqual([]);
      expect(source, relative(root, file)).not.toMatch(/\brequire\(|\bimport\(/);
    }
  });

  it('are the only part of the contract the renderer imports values from', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'renderer/src'))) {
      for (const imp of importsOf(readFileSync(file, 'utf8'))) {
        if (!imp.from.includes('electron/contract') || imp.typeOnly) continue;
        if (!imp.from.includes('electron/contract/plain/')) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the checker itself sees a value import and a type import apart', () => {
    expect(importsOf("import { z } from 'zod';\nimport type { A } from './a';")).toEqual([
      { from: 'zod', typeOnly: false },
      { from: './a', typeOnly: true },
    ]);
  });
});
