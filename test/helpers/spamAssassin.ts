import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's SpamAssassin, local rules only (-L: no network tests, no DNS blocklists). */
export const spamAssassinBinary =
  ['/usr/bin/spamassassin', '/usr/local/bin/spamassassin'].find((p) => existsSync(p)) ?? null;
export const SPAMASSASSIN_MISSING =
  'SpamAssassin is not installed (apt-get install spamassassin): the spam score tests are skipped.';

/** The score and the rules that fired, as `spamassassin -L -t` reports them for one message. */
export function spamScore(message: Buffer): Promise<{ score: number; rules: string }> {
  if (!spamAssassinBinary) return Promise.reject(new Error(SPAMASSASSIN_MISSING));
  return new Promise((resolve, reject) => {
    const child = spawn(spamAssassinBinary, ['-L', '-t'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      const text = Buffer.concat(out).toString('utf8');
      const status = /^X-Spam-Status: .*?score=(-?[\d.]+)[\s\S]*?tests=([\s\S]*?)autolearn/m.exec(
        text,
      );
      if (!status) return reject(new Error(`no X-Spam-Status in SpamAssassin's answer:\n${text}`));
      resolve({ score: Number(status[1]), rules: status[2]!.replace(/\s+/g, '') });
    });
    child.stdin.end(message);
  });
}
