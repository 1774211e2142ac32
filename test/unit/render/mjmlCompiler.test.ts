import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MjmlCompiler,
  MjmlWorkerError,
  type MjmlCompilerOptions,
} from '../../../electron/services/render/mjmlCompiler';
import { mjmlWorkerFile } from '../../../electron/services/render/mjmlWorkerFile';

const VALID =
  '<mjml><mj-body><mj-section><mj-column><mj-text>Hallo</mj-text></mj-column></mj-section></mj-body></mjml>';
const INVALID = '<mjml><mj-body><mj-section><mj-text>Los</mj-text></mj-section></mj-body></mjml>';
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The first worker from `first`, every later one the real MJML worker. */
function firstWorker(name: string): () => Promise<string> {
  let started = 0;
  return () => (started++ === 0 ? Promise.resolve(fixture(name)) : mjmlWorkerFile());
}

// Generous: the worker loads MJML at its start, on a loaded machine.
const WAIT = { timeout: 20_000, interval: 20 };
const compilers: MjmlCompiler[] = [];
function compiler(options: MjmlCompilerOptions = {}): MjmlCompiler {
  options.timeoutMs ??= 60_000;
  const made = new MjmlCompiler(options);
  compilers.push(made);
  return made;
}
afterEach(() => {
  for (const made of compilers.splice(0)) void made.release();
});

describe('MjmlCompiler (MJML in a worker thread)', () => {
  it('compiles in the worker and passes MJML validation errors on', async () => {
    const mjml = compiler();
    const ok = await mjml.compile(VALID);
    expect(ok.errors).toEqual([]);
    expect(ok.html).toContain('Hallo');
    const refused = await mjml.compile(INVALID);
    expect(refused.errors.join('\n')).toMatch(/mj-text/);
  }, 30_000);

  it('answers concurrent compiles each with its own result', async () => {
    const mjml = compiler();
    const sources = ['Een', 'Twee', 'Drie'].map((word) => VALID.replace('Hallo', word));
    const results = await Promise.all(sources.map((source) => mjml.compile(source)));
    expect(results.map((r) => /Een|Twee|Drie/.exec(r.html)?.[0])).toEqual(['Een', 'Twee', 'Drie']);
  }, 30_000);

  it('keeps the worker while compiles come, and ends it once idle', async () => {
    const mjml = compiler({ idleMs: 50 });
    await mjml.compile(VALID);
    expect(mjml.running).toBe(true);
    await vi.waitFor(() => expect(mjml.running).toBe(false), WAIT);
    // The next compile starts a new worker.
    expect((await mjml.compile(VALID)).errors).toEqual([]);
  }, 30_000);

  it('ends the worker at once on release, or after the compile that still waits', async () => {
    const mjml = compiler();
    await mjml.compile(VALID);
    void mjml.release();
    expect(mjml.running).toBe(false);
    const waiting = mjml.compile(VALID);
    void mjml.release();
    expect(mjml.running).toBe(true);
    expect((await waiting).errors).toEqual([]);
    expect(mjml.running).toBe(false);
  }, 30_000);

  it.runIf(process.platform === 'linux')(
    'release resolves once the worker thread has exited, so its memory is back',
    async () => {
      // The process's threads as the kernel counts them: the worker is one while it runs.
      const threads = () =>
        Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
      const mjml = compiler();
      await mjml.compile(VALID);
      const running = threads();
      await mjml.release();
      expect(threads()).toBeLessThan(running);
    },
    30_000,
  );

  it('rejects with a clear error when the worker crashes, and the next compile works', async () => {
    const mjml = compiler({ workerFile: firstWorker('crashingWorker.mjs') });
    const crashed = mjml.compile(VALID);
    await expect(crashed).rejects.toBeInstanceOf(MjmlWorkerError);
    await expect(crashed).rejects.toThrow(/MJML stopped: the compile thread crashed/);
    expect(mjml.running).toBe(false);
    expect((await mjml.compile(VALID)).html).toContain('Hallo');
  }, 30_000);

  it('rejects a compile that never answers, and the next compile works', async () => {
    const options = { timeoutMs: 100, workerFile: firstWorker('silentWorker.mjs') };
    const mjml = compiler(options);
    await expect(mjml.compile(VALID)).rejects.toThrow(/MJML did not answer within 100 ms/);
    expect(mjml.running).toBe(false);
    options.timeoutMs = 60_000;
    expect((await mjml.compile(VALID)).html).toContain('Hallo');
  }, 30_000);

  it('rejects with a clear error when the worker runs out of memory', async () => {
    const mjml = compiler({ resourceLimits: { maxOldGenerationSizeMb: 4 } });
    await expect(mjml.compile(VALID)).rejects.toThrow(/MJML stopped: .*memory/i);
  }, 30_000);
});
