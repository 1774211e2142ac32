import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNode } from '../../../scripts/build-node.mjs';
import { bundleForNode } from '../../bench/bundleForNode';

const root = resolve(__dirname, '../../..');

describe("MJML's worker in the shipped bundle", () => {
  // Inside the repo, so the bundle's packages resolve from node_modules.
  const cache = join(root, 'node_modules', '.cache', 'winkelpost-tests');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'mjml-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is built beside the main bundle, and code in that bundle compiles through it', async () => {
    const { main } = await buildNode({ outDir: dir, branding: 'winkelpost' });
    const probe = await bundleForNode(
      join(__dirname, 'fixtures', 'compileInBundle.ts'),
      join(dirname(main), 'probe.mjs'),
    );
    const output = execFileSync(process.execPath, [probe], { cwd: root, encoding: 'utf8' });
    const answer = JSON.parse(output.trim().split('\n').at(-1)!) as { file: string; html: boolean };
    expect(answer).toEqual({ file: join(dirname(main), 'mjmlWorker.mjs'), html: true });
  }, 60_000);
});
