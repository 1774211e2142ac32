import { chromium, type Page } from '@playwright/test';
import { createApp } from '../../electron/app';
import { unwrap } from '../../electron/contract';
import { RENDERER_DIST } from '../../electron/paths';
import { silentLogger } from '../../electron/services/core/logger';
import { aesSecretCipher } from '../../electron/services/core/secrets';
import { startServer } from '../../electron/server/server';
import { acceptAgreements } from '../helpers/agreements';
import { tempDir } from '../helpers/tempDir';

/**
 * The block editor under typing: with a 40-block mailing open, each of 200 keystrokes in a text
 * block is timed from the key event to the next frame (requestAnimationFrame, then the task after
 * it, i.e. after paint), against the same measurement in a bare contenteditable in the same run.
 * Saves are counted to show autosave stays off the typing path. Needs a built renderer
 * (npm run build:renderer) and Chromium at /usr/bin/chromium.
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
  __slowKeys: { duration: number; processing: number }[];
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
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__latencies.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  }, selector);
}

async function typeAndMeasure(page: Page): Promise<Probe> {
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.type(i % 10 === 9 ? ' ' : 'a');
    // One key per frame, like fast typing (about 60 keys a second), never queued behind each other.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    );
  }
  // Event Timing entries arrive after the frame: give the observer one more frame to report.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
  );
  return page.evaluate(() => {
    const w = window as unknown as Probe;
    return { __latencies: w.__latencies, __work: w.__work, __slowKeys: w.__slowKeys };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (n: number) => Number(n.toFixed(2));

export default async function editorBench(): Promise<Record<string, number | string>> {
  const dir = tempDir('winkelpost-bench-');
  const app = await createApp({
    dataDir: dir.path,
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 5)),
  });
  await acceptAgreements(app);
  const server = await startServer({ app, port: 0, rendererDir: RENDERER_DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const mailing = unwrap(await app.handlers['mailings.create']({ type: 'newsletter' })) as {
      id: string;
    };
    unwrap(
      await app.handlers['mailings.update']({ id: mailing.id, patch: { document: fortyBlocks() } }),
    );

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });

    // Baseline: a bare contenteditable in the same browser, measured the same way.
    await page.setContent(
      '<div id="plain" contenteditable="true" style="width:600px">Tekst </div>',
    );
    await page.click('#plain');
    await installProbe(page, '#plain');
    const baseline = await typeAndMeasure(page);

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
    const typed = await typeAndMeasure(page);
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

    const editorP95 = percentile(typed.__latencies, 95);
    const baselineP95 = percentile(baseline.__latencies, 95);
    const slow = typed.__slowKeys;
    const workP95 = percentile(typed.__work, 95);
    const baselineWorkP95 = percentile(baseline.__work, 95);
    return {
      blocks: blockCount,
      keystrokes: typed.__latencies.length,
      // The part the editor controls, which must fit in one 16 ms frame.
      keyToUpdatedLayoutP50Ms: round(percentile(typed.__work, 50)),
      keyToUpdatedLayoutP95Ms: round(workP95),
      baselineKeyToUpdatedLayoutP95Ms: round(baselineWorkP95),
      targetP95Ms: 16,
      // Chromium's own key-to-paint measure: how many keystrokes took 16 ms or more.
      keysOver16msToPaint: slow.length,
      keysOver16msToPaintBaseline: baseline.__slowKeys.length,
      // p95 is under 16 ms when fewer than 5% of keystrokes are over it.
      keyToPaintP95Under16ms: slow.length < KEYSTROKES * 0.05 ? 'yes' : 'no',
      keyToPaintP95Under16msBaseline: baseline.__slowKeys.length < KEYSTROKES * 0.05 ? 'yes' : 'no',
      slowestKeyToPaintMs: round(Math.max(0, ...slow.map((s) => s.duration))),
      slowestKeyHandlerMs: round(Math.max(0, ...slow.map((s) => s.processing))),
      // Our own clock includes waiting for the next frame (up to one frame at 60 Hz).
      keyToNextFrameP50Ms: round(percentile(typed.__latencies, 50)),
      keyToNextFrameP95Ms: round(editorP95),
      baselineKeyToNextFrameP95Ms: round(baselineP95),
      p95RatioToBaseline: round(editorP95 / baselineP95),
      savesWhileTyping,
      savesAfterPause: saveCalls,
      saveAfterLastKeyMs,
      savedOk: body.ok && stored.includes(typedText.trimEnd()) ? 'yes' : 'no',
    };
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    dir.remove();
  }
}
