import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadCorpus } from '../../unit/bounces/corpus';

const run = promisify(execFile);
const ROOT = join(CORPUS_DIR, '..', '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'bounces-classify.ts');

/** `npm run bounces:classify -- <file-or-folder>...` as support staff run it. */
describe('bounces:classify', () => {
  it('prints one JSON line per message of a folder and exits 0', async () => {
    const { stdout } = await run(TSX, [SCRIPT, CORPUS_DIR], { cwd: ROOT });
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const byFile = new Map(lines.map((line) => [line.file, line]));
    for (const c of loadCorpus().cases) {
      const line = byFile.get(c.file);
      expect(Object.keys(line ?? {})).toEqual(['file', 'kind', 'reason', 'status', 'recipient']);
      expect(line).toMatchObject({ kind: c.kind, reason: c.reason, recipient: c.recipient });
      expect(line!.status).toMatch(/^(\d\.\d{1,3}\.\d{1,3})?$/);
    }
  });

  it('takes single files too, and exits 1 when one cannot be read', async () => {
    const file = join(CORPUS_DIR, '061-postfix-status-511-blacklisted.eml');
    const failure = await run(TSX, [SCRIPT, file, join(CORPUS_DIR, 'missing.eml')], {
      cwd: ROOT,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(JSON.parse(failure.stdout.trim())).toEqual({
      file: '061-postfix-status-511-blacklisted.eml',
      kind: 'blocked',
      reason: 'blocked',
      status: '5.7.1',
      recipient: 'klant.status@ontvanger.example',
    });
    expect(failure.stderr).toContain('missing.eml');
  });
});
