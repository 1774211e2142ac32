import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { createApp } from '../../electron/app';
import { unwrap } from '../../electron/contract';
import { RENDERER_DIST } from '../../electron/paths';
import { silentLogger } from '../../electron/services/core/logger';
import { aesSecretCipher } from '../../electron/services/core/secrets';
import { startServer } from '../../electron/server/server';
import { signIn } from '../helpers/browserSession';
import { acceptAgreements } from '../helpers/agreements';
import { tempDir } from '../helpers/tempDir';

/**
 * The block editor under typing: with a 40-block mailing open, each of 200 keystrokes in a text
 * block is timed from the key event to the next frame (requestAnimationFrame, then the task after
 * it, i.e. after paint), against the same measurement in a bare contenteditable in the same run.
 * Saves are counted to show autosave stays off the typing path. Needs a built renderer
 * (npm run build:renderer) and Chromium at /usr/bin/chromium.
 *
 * Why two browsers. With the normal flags, frames are aligned to a 60 Hz vsync: "key to next
 * frame" then includes waiting for the display's next refresh (up to 16.7 ms), so both the editor
 * and the bare contenteditable land near 16 ms whatever their work, and the figure measures the
 * refresh phase more than the editor. Launched with --disable-gpu-vsync --disable-frame-rate-limit,
 * Chromium produces a frame as soon as it is ready, so the same clock measures the keystroke's own
 * path to paint (handlers, layout, paint). Both are reported, each with its own baseline, and each
 * with the frame rate the page actually got: the headless Chromium 156 here keeps about 60 frames a
 * second with or without those flags, so the bench also adds up the keystroke's own work to paint
 * (key to updated layout, plus the rendering of the frame that shows it, from its
 * requestAnimationFrame to after paint): that leaves out the vsync wait whatever the browser does.
 *
 * Three more clocks that do not depend on the refresh phase: the main thread's task, script and
 * layout time per keystroke (CDP Performance.getMetrics, deltas over the 200 keys: time the renderer
 * spent working, so another process's load does not add waiting to it); Chromium's Event Timing
 * API (keydown "duration", input to next paint as Chromium defines it; it reports only keys of
 * 16 ms or more, so it gives a count, not a p95); and React commits per keystroke, counted through
 * the devtools hook, to show typing does not re-render the blocks (Lexical edits the DOM itself).
 */
const KEYSTROKES = 200;
const BLOCKS = 40;

function paragraph(text: string) {
  return {
    type: 'paragraph',
    version: 1,
    children: [{ type: 'text', version: 1, text, format: 0 }],
  };
}

function fortyBlocks() {
  const lorem =
    'Deze week binnen: de nieuwe wintercollectie met warme jassen, sjaals en handschoenen in alle maten.';
  const blocks: { id: string; type: string; data: Record<string, unknown> }[] = [];
  const kinds = ['heading', 'text', 'text', 'button', 'divider', 'text', 'image', 'spacer'];
  for (let i = 0; i < BLOCKS - 1; i += 1) {
    const type = kinds[i % kinds.length]!;
    const data: Record<string, unknown> =
      type === 'text'
        ? {
            content: {
              root: { type: 'root', version: 1, children: [paragraph(lorem), paragraph(lorem)] },
            },
          }
        : type === 'heading'
          ? { text: `Titel ${i}` }
          : {};
    blocks.push({ id: `b${i}`, type, data });
  }
  blocks.push({ id: 'footer', type: 'footer', data: {} });
  return { version: 1, blocks };
}

interface Probe {
  __latencies: number[];
  __work: number[];
  __frameWork: number[];
  __slowKeys: { duration: number; processing: number }[];
  __reactCommits: number;
}

/**
 * A minimal React devtools hook, installed before the app loads: React calls onCommitFiberRoot
 * after every commit, so the count shows how often typing makes React render anything at all.
 */
// A string, not a function: tsx would add a __name helper that does not exist in the page.
const REACT_COMMIT_COUNTER = `
  window.__reactCommits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onScheduleFiberRoot() {},
    onCommitFiberRoot() { window.__reactCommits += 1; },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
`;

/** Frames the page gets in one second: about 60 when frames wait for vsync, more when not. */
async function framesPerSecond(page: Page): Promise<number> {
  // A string, not a function: tsx would add a __name helper that does not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const tick = () => {
      frames += 1;
      if (performance.now() - start < 1000) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  })`);
}

/** The key's own work to paint, without waiting for the frame: handlers + layout, then rendering. */
function workToPaint(probe: Probe): number[] {
  if (probe.__work.length !== probe.__frameWork.length) return [NaN];
  return probe.__work.map((work, i) => work + probe.__frameWork[i]!);
}

/** Main-thread time in ms (CDP Performance metrics are in seconds, summed since the page started). */
async function mainThreadTimes(cdp: CDPSession) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration') + get('RecalcStyleDuration'),
  };
}

/**
 * Two clocks. Our own: key event time → the task after the next frame (rAF, then a message).
 * Chromium's Event Timing API: for each keydown slower than 16 ms from the key to the next
 * paint, an entry (it reports nothing for faster ones, which is what the target asks).
 */
async function installProbe(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const target = document.querySelector(sel)!;
    const w = window as unknown as Probe;
    w.__latencies = [];
    w.__work = [];
    w.__frameWork = [];
    w.__slowKeys = [];
    let keyAt = 0;
    let pending = false;
    // The work a keystroke costs: from the key event until the editor has updated the page and
    // the browser has laid it out (forced here), behind the editor's own queued update. Lexical
    // handles "beforeinput" itself (no "input" follows), a bare contenteditable fires "input".
    document.addEventListener(
      'keydown',
      (event) => {
        keyAt = event.timeStamp;
        pending = true;
      },
      true,
    );
    // (Inline listeners: named functions inside evaluate() break under tsx's name keeping.)
    for (const type of ['beforeinput', 'input']) {
      document.addEventListener(type, () => {
        if (!pending) return;
        pending = false;
        queueMicrotask(() =>
          queueMicrotask(() => {
            void (target as HTMLElement).offsetHeight;
            w.__work.push(performance.now() - keyAt);
          }),
        );
      });
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (entry.name !== 'keydown') continue;
        w.__slowKeys.push({
          duration: entry.duration,
          processing: entry.processingEnd - entry.processingStart,
        });
      }
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
    target.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          // From the frame's start to after its paint: the rendering part, without vsync waiting.
          const frameAt = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const now = performance.now();
            w.__latencies.push(now - start);
            w.__frameWork.push(now - frameAt);
          };
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  }, selector);
}

type Measured = Probe & { taskPerKeyMs: number; scriptPerKeyMs: number; layoutPerKeyMs: number };

async function typeAndMeasure(page: Page, cdp: CDPSession): Promise<Measured> {
  const commitsBefore = await page.evaluate(() => (window as unknown as Probe).__reactCommits ?? 0);
  const before = await mainThreadTimes(cdp);
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.type(i % 10 === 9 ? ' ' : 'a');
    // One key per frame, like fast typing (about 60 keys a second), never queued behind each other.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    );
  }
  const after = await mainThreadTimes(cdp);
  // Event Timing entries arrive after the frame: give the observer one more frame to report.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
  );
  const probe = await page.evaluate(() => {
    const w = window as unknown as Probe;
    return {
      __latencies: w.__latencies,
      __work: w.__work,
      __frameWork: w.__frameWork,
      __slowKeys: w.__slowKeys,
      __reactCommits: w.__reactCommits ?? 0,
    };
  });
  // The per-key main-thread time includes the harness's own evaluate() per key, the same in both.
  return {
    ...probe,
    __reactCommits: probe.__reactCommits - commitsBefore,
    taskPerKeyMs: (after.task - before.task) / KEYSTROKES,
    scriptPerKeyMs: (after.script - before.script) / KEYSTROKES,
    layoutPerKeyMs: (after.layout - before.layout) / KEYSTROKES,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (n: number) => Number(n.toFixed(2));

const BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A frame as soon as it is ready, not at the next 60 Hz vsync (see the comment at the top). */
const UNTHROTTLED_FLAGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

type App = Awaited<ReturnType<typeof createApp>>;
type Server = Awaited<ReturnType<typeof startServer>>;

/** The bare contenteditable, then the editor, in one browser; every figure with its baseline. */
async function measureIn(
  browser: Browser,
  app: App,
  server: Server,
): Promise<Record<string, number | string>> {
  const mailing = unwrap(await app.handlers['mailings.create']({ type: 'newsletter' })) as {
    id: string;
  };
  unwrap(
    await app.handlers['mailings.update']({ id: mailing.id, patch: { document: fortyBlocks() } }),
  );

  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page.context(), server);
  await page.addInitScript(REACT_COMMIT_COUNTER);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // Baseline: a bare contenteditable in the same browser, measured the same way.
  await page.setContent('<div id="plain" contenteditable="true" style="width:600px">Tekst </div>');
  await page.click('#plain');
  const frameRate = await framesPerSecond(page);
  await installProbe(page, '#plain');
  const baseline = await typeAndMeasure(page, cdp);

  let saveCalls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/mailings.update')) saveCalls += 1;
  });
  await page.goto(`${server.url}/#/mailings/${mailing.id}/inhoud`);
  await page
    .getByTestId('block')
    .nth(BLOCKS - 1)
    .waitFor();
  const blockCount = await page.getByTestId('block').count();
  const editable = page.locator('[data-block-id="b17"] [contenteditable="true"]');
  await editable.click();
  await page.keyboard.press('End');
  await installProbe(page, '[data-block-id="b17"] [contenteditable="true"]');
  // The counter must have seen the page's first renders, or a 0 while typing would mean nothing.
  const reactCommitsOnLoad = await page.evaluate(() => (window as unknown as Probe).__reactCommits);
  const typed = await typeAndMeasure(page, cdp);
  const savesWhileTyping = saveCalls;

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/mailings.update'));
  const lastKey = Date.now();
  const response = await saved;
  const saveAfterLastKeyMs = Date.now() - lastKey;
  const body = (await response.json()) as { ok: boolean };
  const stored = JSON.stringify(
    (unwrap(await app.handlers['mailings.get']({ id: mailing.id })) as { document: unknown })
      .document,
  );
  const typedText = 'aaaaaaaaa '.repeat(KEYSTROKES / 10);
  await page.close();

  const editorP95 = percentile(typed.__latencies, 95);
  const baselineP95 = percentile(baseline.__latencies, 95);
  const slow = typed.__slowKeys;
  const workP95 = percentile(typed.__work, 95);
  const baselineWorkP95 = percentile(baseline.__work, 95);
  const ownP95 = percentile(workToPaint(typed), 95);
  const baselineOwnP95 = percentile(workToPaint(baseline), 95);
  return {
    // About 60: frames wait for vsync (the flags did not unthrottle this Chromium); more: they do not.
    framesPerSecond: frameRate,
    blocks: blockCount,
    keystrokes: typed.__latencies.length,
    // The keystroke's own path to paint without the wait for the next frame: handlers and layout
    // (key event to updated layout) plus the rendering of the frame that shows it (rAF to after
    // paint). The figure to hold against the 16 ms target when frames are vsync-aligned.
    keyOwnWorkToPaintP95Ms: round(ownP95),
    baselineKeyOwnWorkToPaintP95Ms: round(baselineOwnP95),
    keyOwnWorkToPaintP95RatioToBaseline: round(ownP95 / baselineOwnP95),
    // Key event to the next frame (after paint): what the shopkeeper sees.
    keyToNextFrameP50Ms: round(percentile(typed.__latencies, 50)),
    keyToNextFrameP95Ms: round(editorP95),
    baselineKeyToNextFrameP95Ms: round(baselineP95),
    keyToNextFrameP95RatioToBaseline: round(editorP95 / baselineP95),
    targetP95Ms: 16,
    // The part the editor controls: key event to the updated, laid-out page.
    keyToUpdatedLayoutP50Ms: round(percentile(typed.__work, 50)),
    keyToUpdatedLayoutP95Ms: round(workP95),
    baselineKeyToUpdatedLayoutP95Ms: round(baselineWorkP95),
    // Main-thread time per keystroke (CDP metrics), and the editor's extra over the bare field.
    mainThreadTaskPerKeyMs: round(typed.taskPerKeyMs),
    baselineMainThreadTaskPerKeyMs: round(baseline.taskPerKeyMs),
    mainThreadTaskExtraPerKeyMs: round(typed.taskPerKeyMs - baseline.taskPerKeyMs),
    scriptPerKeyMs: round(typed.scriptPerKeyMs),
    baselineScriptPerKeyMs: round(baseline.scriptPerKeyMs),
    styleAndLayoutPerKeyMs: round(typed.layoutPerKeyMs),
    baselineStyleAndLayoutPerKeyMs: round(baseline.layoutPerKeyMs),
    // Chromium's own key-to-paint measure: how many keystrokes took 16 ms or more.
    keysOver16msToPaint: slow.length,
    keysOver16msToPaintBaseline: baseline.__slowKeys.length,
    // p95 is under 16 ms when fewer than 5% of keystrokes are over it.
    keyToPaintP95Under16ms: slow.length < KEYSTROKES * 0.05 ? 'yes' : 'no',
    keyToPaintP95Under16msBaseline: baseline.__slowKeys.length < KEYSTROKES * 0.05 ? 'yes' : 'no',
    slowestKeyToPaintMs: round(Math.max(0, ...slow.map((s) => s.duration))),
    slowestKeyHandlerMs: round(Math.max(0, ...slow.map((s) => s.processing))),
    // React renders while typing (0: Lexical alone updates the text; the blocks are left alone).
    reactCommitsOnLoad,
    reactCommitsWhileTyping: typed.__reactCommits,
    reactCommitsPerKeystroke: round(typed.__reactCommits / KEYSTROKES),
    savesWhileTyping,
    savesAfterPause: saveCalls,
    saveAfterLastKeyMs,
    savedOk: body.ok && stored.includes(typedText.trimEnd()) ? 'yes' : 'no',
  };
}

export default async function editorBench(): Promise<Record<string, unknown>> {
  const dir = tempDir('winkelpost-bench-');
  const app = await createApp({
    dataDir: dir.path,
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 5)),
  });
  await acceptAgreements(app);
  const server = await startServer({ app, port: 0, rendererDir: RENDERER_DIST });
  const launch = (extra: string[]) =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...BROWSER_FLAGS, ...extra],
    });
  try {
    const results: Record<string, Record<string, number | string>> = {};
    for (const [mode, flags] of [
      ['vsync60Hz', []],
      ['unthrottledFrames', UNTHROTTLED_FLAGS],
    ] as const) {
      const browser = await launch([...flags]);
      try {
        results[mode] = await measureIn(browser, app, server);
      } finally {
        await browser.close();
      }
    }
    return results;
  } finally {
    await server.close();
    await app.close();
    dir.remove();
  }
}
