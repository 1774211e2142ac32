import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs script without type declarations
import { unexplained } from '../../../scripts/electronegativity.mjs';

const allowlist = JSON.parse(
  readFileSync(
    new URL('../../../scripts/electronegativity-allowlist.json', import.meta.url),
    'utf8',
  ),
).findings as { id: string; file: string; reason: string; test: string }[];

describe('Electronegativity allowlist', () => {
  it('explains every entry with a reason and where it is tested', () => {
    expect(allowlist.length).toBeGreaterThan(0);
    for (const entry of allowlist) {
      expect(entry.reason.length, entry.id).toBeGreaterThan(30);
      expect(entry.test.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('lets only findings of the same check in the same file pass', () => {
    const issues = [
      { id: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts' },
      { id: 'SANDBOX_JS_CHECK', file: 'electron/main/other.ts' },
      { id: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/main/window.ts' },
    ];
    expect(unexplained(issues, allowlist)).toEqual(issues.slice(1));
  });

  it('never explains away node integration or disabled web security', () => {
    const forbidden = [
      'NODE_INTEGRATION_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ];
    expect(allowlist.filter((entry) => forbidden.includes(entry.id))).toEqual([]);
  });
});
