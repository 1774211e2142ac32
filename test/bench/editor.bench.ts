import { loadavg } from 'node:os';
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
import { markThread, phasesPerKey, startTrace, stopTrace } from './editorTrace';
import { buildLoneEditorScript } from './loneEditor/build';
import { GOALS, judge } from './report';

/**
 * The block editor under typing, judged by main-thread work: with a 40-block mailing open, each of
 * 200 keystrokes in a text block is bracketed by CDP Performance.getMetrics (TaskDuration: the
 * renderer's main-thread task time, so another process's load adds no waiting to it), from the key
 * to the task after the next frame. A bare contenteditable in another page of the same browser is
 * the baseline, typed in turn with the editor key by key. Goal (issue 26): the editor's p95 at most
 * 2 ms above the bare field's p95. Needs a built renderer (npm run build:renderer) and Chromium at
 * /usr/bin/chromium.
 *
 * Reported beside it, not judged: the frame-aligned figure (key event to after the next frame's
 * paint, our own rAF probe). Frames follow a 60 Hz vsync in this headless Chromium (flags that
 * should lift it do not), so that figure includes waiting for the display's next refresh and says
 * more about the refresh phase than about the editor. Also: main-thread CPU time per key
 * (ThreadTime, which a loaded machine does not inflate by making the thread wait for a core),
 * script and style/layout time per key,
 * Chromium's Event Timing count of keys of 16 ms or more, React commits while typing (counted
 * through the devtools hook: Lexical edits the DOM itself, the blocks are not re-rendered) and the
 * saves (autosave stays off the typing path). Last, not judged either: a further 100 keys per
 * field under a Chromium trace, the main thread's time per key split into phases (editorTrace.ts;
 * EDITOR_TRACE=0 skips it).
 *
 * The floor, reported and not judged: a lone Lexical rich text in React (loneEditor/entry.tsx,
 * the app's Lexical and React and nothing else, holding the bare field's text), typed in turn with
 * the other two. Its cost over the bare field is what Lexical in React costs before the mailing
 * page adds anything, so the editor's figure less the lone editor's is the part the page controls.
 */
const KEYSTROKES = Number(process.env.KEYS ?? 200);
/** Keys per field of the traced pass after the measured one (EDITOR_TRACE=0 skips it). */
const TRACED_KEYSTROKES = process.env.EDITOR_TRACE === '0' ? 0 : 100;
const BLOCKS = 40;
/** Keys typed in one field before the other takes its turn: a word, as typing comes. */
const BURST = 10;

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
  window.__saveEvents = 0;
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    if (!String(input).endsWith('/api/mailings.update')) return pageFetch(input, init);
    window.__saveEvents += 1;
    const answered = () => { window.__saveEvents += 1; };
    const request = pageFetch(input, init);
    request.then(answered, answered);
    return request;
  };
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

/** Main-thread time in ms (CDP Performance metrics are in seconds, summed since the page started). */
async function mainThreadTimes(cdp: CDPSession) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: get('TaskDuration'),
    // CPU time of the main thread: unlike task time, it does not grow while the thread waits for
    // a core on a loaded machine (shown beside the judged figure, not judged).
    thread: get('ThreadTime'),
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

/**
 * Types one key and waits for the frame that shows it (one key per frame, never queued); answers
 * how many autosave events (a save sent, a save answered) the page has seen so far.
 */
async function typeKey(page: Page, key: string): Promise<number> {
  await page.keyboard.type(key);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve((window as unknown as { __saveEvents: number }).__saveEvents)),
        ),
      ),
  );
}

interface Field {
  page: Page;
  cdp: CDPSession;
}

interface Typed {
  /** Main-thread task time of each keystroke, from the previous key's frame to this key's frame. */
  taskMs: number[];
  /** Main-thread CPU time of the same keystrokes (ThreadTime). */
  threadMs: number[];
  /** Keystrokes left out of taskMs because an autosave ran in them (see typeInterleaved). */
  withSave: number[];
  scriptMs: number;
  layoutMs: number;
}

/**
 * The keystrokes, a word (ten keys) in each field in turn (the order reverses every word), so all
 * see the same stretches of a busy machine; key by key would put the other fields' harness work
 * between two keys of one field. A key's task time is the
 * TaskDuration between the metrics read after the previous key's frame and the one after this
 * key's frame. On a loaded machine the harness can take longer than the autosave delay (700 ms)
 * between two keys of the editor, so saves run between keys; an autosave is the cost of a pause,
 * not of a keystroke (typing never waits that long between keys), so the keys during which a save
 * was sent or answered (seen in this key's read or the next, as the read precedes the metrics)
 * are counted apart with their time, not mixed into the p95.
 */
async function typeInterleaved(
  fields: Field[],
  keystrokes = KEYSTROKES,
): Promise<{ typed: Typed[]; commits: number[] }> {
  const commits = (page: Page) =>
    page.evaluate(() => (window as unknown as Probe).__reactCommits ?? 0);
  const commitsBefore = await Promise.all(fields.map((f) => commits(f.page)));
  const totalsBefore = await Promise.all(fields.map((f) => mainThreadTimes(f.cdp)));
  const last = [...totalsBefore];
  const before = await Promise.all(
    fields.map((f) =>
      f.page.evaluate(() => (window as unknown as { __saveEvents: number }).__saveEvents),
    ),
  );
  const perKey = fields.map(() => ({
    taskMs: [] as number[],
    threadMs: [] as number[],
    saveEvents: [] as number[],
  }));
  for (let burst = 0; burst < keystrokes / BURST; burst += 1) {
    const order = fields.map((_, n) => n);
    for (const n of burst % 2 === 0 ? order : order.reverse()) {
      const field = fields[n]!;
      // Only the tab in front renders frames: a hidden field would skip its paint work.
      await field.page.bringToFront();
      last[n] = await mainThreadTimes(field.cdp);
      for (let i = 0; i < BURST; i += 1) {
        perKey[n]!.saveEvents.push(await typeKey(field.page, i === BURST - 1 ? ' ' : 'a'));
        const now = await mainThreadTimes(field.cdp);
        perKey[n]!.taskMs.push(now.task - last[n]!.task);
        perKey[n]!.threadMs.push(now.thread - last[n]!.thread);
        last[n] = now;
      }
    }
  }
  const commitsAfter = await Promise.all(fields.map((f) => commits(f.page)));
  const typed = perKey.map(({ taskMs, threadMs, saveEvents }, n): Typed => {
    const seen = (i: number) =>
      i < 0 ? before[n]! : (saveEvents[i] ?? saveEvents[saveEvents.length - 1]!);
    const touched = (i: number) => seen(i + 1) !== seen(i - 1);
    return {
      taskMs: taskMs.filter((_, i) => !touched(i)),
      threadMs: threadMs.filter((_, i) => !touched(i)),
      withSave: taskMs.filter((_, i) => touched(i)),
      scriptMs: (last[n]!.script - totalsBefore[n]!.script) / keystrokes,
      layoutMs: (last[n]!.layout - totalsBefore[n]!.layout) / keystrokes,
    };
  });
  return { typed, commits: commitsAfter.map((c, n) => c - commitsBefore[n]!) };
}

async function readProbe(page: Page): Promise<Probe> {
  // Event Timing entries arrive after the frame: give the observer one more frame to report.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
  );
  return page.evaluate(() => {
    const w = window as unknown as Probe;
    return {
      __latencies: w.__latencies,
      __work: w.__work,
      __frameWork: w.__frameWork,
      __slowKeys: w.__slowKeys,
      __reactCommits: w.__reactCommits ?? 0,
    };
  });
}

/**
 * A second pass, after the judged one (tracing costs time): the same interleaved typing under a
 * Chromium trace, split into phases (script, style and layout, editing, paint, compositing, the
 * hover hit test Chromium runs after each layout under the mouse) for each field.
 */
async function traceKeystrokes(
  browser: Browser,
  [bare, editor, lone]: [Field, Field, Field],
): Promise<Record<string, unknown>> {
  if (TRACED_KEYSTROKES === 0) return {};
  // The browser's session: a page's own traces only its renderer, and every field is wanted.
  const cdp = await browser.newBrowserCDPSession();
  await startTrace(cdp);
  await markThread(bare.page, 'bare');
  await markThread(editor.page, 'editor');
  await markThread(lone.page, 'lone');
  await typeInterleaved([bare, editor, lone], TRACED_KEYSTROKES);
  const events = await stopTrace(cdp);
  await cdp.detach();
  return {
    tracedKeystrokes: TRACED_KEYSTROKES,
    tracedPerKeyMs: phasesPerKey(events, 'editor', TRACED_KEYSTROKES),
    baselineTracedPerKeyMs: phasesPerKey(events, 'bare', TRACED_KEYSTROKES),
    loneLexicalTracedPerKeyMs: phasesPerKey(events, 'lone', TRACED_KEYSTROKES),
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
type App = Awaited<ReturnType<typeof createApp>>;
type Server = Awaited<ReturnType<typeof startServer>>;

/** The bare contenteditable, the editor and the lone Lexical, in one browser, typed in turn. */
async function measureIn(
  browser: Browser,
  app: App,
  server: Server,
  loneEditorScript: string,
): Promise<Record<string, number | string>> {
  const mailing = unwrap(await app.handlers['mailings.create']({ type: 'newsletter' })) as {
    id: string;
  };
  unwrap(
    await app.handlers['mailings.update']({ id: mailing.id, patch: { document: fortyBlocks() } }),
  );

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await signIn(context, server);
  await context.addInitScript(REACT_COMMIT_COUNTER);
  const open = async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return { page, cdp };
  };

  // Baseline: a bare contenteditable in the same browser, measured the same way.
  const bare = await open();
  await bare.page.setContent(
    '<div id="plain" contenteditable="true" style="width:600px">Tekst </div>',
  );
  await bare.page.click('#plain');
  const frameRate = await framesPerSecond(bare.page);
  await installProbe(bare.page, '#plain');

  // The floor: Lexical in React alone, in a page of its own like the bare field.
  const lone = await open();
  await lone.page.setContent('<div id="lone"></div>');
  await lone.page.addScriptTag({ content: loneEditorScript });
  await lone.page.click('#lone-field');
  await lone.page.keyboard.press('End');
  await installProbe(lone.page, '#lone-field');

  let saveCalls = 0;
  const editor = await open();
  editor.page.on('request', (request) => {
    if (request.url().endsWith('/api/mailings.update')) saveCalls += 1;
  });
  await editor.page.goto(`${server.url}/#/mailings/${mailing.id}/inhoud`);
  await editor.page
    .getByTestId('block')
    .nth(BLOCKS - 1)
    .waitFor();
  const blockCount = await editor.page.getByTestId('block').count();
  const field = '[data-block-id="b17"] [contenteditable="true"]';
  await editor.page.locator(field).click();
  await editor.page.keyboard.press('End');
  await installProbe(editor.page, field);
  // The counter must have seen the page's first renders, or a 0 while typing would mean nothing.
  const reactCommitsOnLoad = await editor.page.evaluate(
    () => (window as unknown as Probe).__reactCommits,
  );
  const { typed, commits } = await typeInterleaved([bare, editor, lone]);
  const [baselineTyped, editorTyped, loneTyped] = typed as [Typed, Typed, Typed];
  const savesWhileTyping = saveCalls;
  const [baseline, probe] = [await readProbe(bare.page), await readProbe(editor.page)];

  // Whatever the last save was, the typed text must arrive: one more key, then its save.
  const saved = editor.page.waitForResponse((r) => r.url().endsWith('/api/mailings.update'));
  await typeKey(editor.page, 'a');
  const lastKey = Date.now();
  const response = await saved;
  const saveAfterLastKeyMs = Date.now() - lastKey;
  const body = (await response.json()) as { ok: boolean };
  const stored = JSON.stringify(
    (unwrap(await app.handlers['mailings.get']({ id: mailing.id })) as { document: unknown })
      .document,
  );
  const typedText = 'aaaaaaaaa '.repeat(KEYSTROKES / 10);
  const traced = await traceKeystrokes(browser, [bare, editor, lone]);
  await context.close();

  const taskP95 = percentile(editorTyped.taskMs, 95);
  const baselineTaskP95 = percentile(baselineTyped.taskMs, 95);
  const loneTaskP95 = percentile(loneTyped.taskMs, 95);
  const extraP95 = taskP95 - baselineTaskP95;
  const frameP95 = percentile(probe.__latencies, 95);
  const baselineFrameP95 = percentile(baseline.__latencies, 95);
  judge(
    'editor keystroke, extra main-thread task time p95',
    extraP95,
    GOALS.editorKeystrokeP95Ms,
    [
      `editor ${round(taskP95)} ms − bare contenteditable ${round(baselineTaskP95)} ms, ${BLOCKS} blocks`,
      `lone Lexical in React ${round(loneTaskP95)} ms`,
      `frame-aligned key → next frame p95 ${round(frameP95)} vs ${round(baselineFrameP95)} ms`,
    ].join('; '),
  );
  const slow = probe.__slowKeys;
  return {
    framesPerSecond: frameRate,
    blocks: blockCount,
    keystrokes: KEYSTROKES,
    // Keys during which an autosave ran (the harness was slower than the save delay), apart.
    keysWithAutosave: editorTyped.withSave.length,
    keysWithAutosaveMedianTaskMs: round(percentile(editorTyped.withSave, 50)),
    // The judged figure: main-thread task time per keystroke (CDP Performance.getMetrics
    // TaskDuration around each key and the frame after it), the editor's p95 less the bare
    // contenteditable's p95, typed in turn in the same browser. Includes the harness's own
    // evaluate() per key, the same in both.
    taskPerKeyP95Ms: round(taskP95),
    baselineTaskPerKeyP95Ms: round(baselineTaskP95),
    extraTaskPerKeyP95Ms: round(extraP95),
    taskPerKeyP50Ms: round(percentile(editorTyped.taskMs, 50)),
    baselineTaskPerKeyP50Ms: round(percentile(baselineTyped.taskMs, 50)),
    extraTaskPerKeyP50Ms: round(
      percentile(editorTyped.taskMs, 50) - percentile(baselineTyped.taskMs, 50),
    ),
    goalExtraTaskPerKeyP95Ms: GOALS.editorKeystrokeP95Ms.atMost,
    // Not judged, the floor: a lone Lexical in React over the bare field, and the editor over it
    // (what the mailing page adds: its other blocks, toolbar, plugins and layout).
    loneLexicalTaskPerKeyP95Ms: round(loneTaskP95),
    loneLexicalExtraTaskPerKeyP95Ms: round(loneTaskP95 - baselineTaskP95),
    editorOverLoneLexicalTaskPerKeyP95Ms: round(taskP95 - loneTaskP95),
    loneLexicalThreadPerKeyP50Ms: round(percentile(loneTyped.threadMs, 50)),
    // Not judged: main-thread CPU time per key (what the work costs without waiting for a core).
    threadPerKeyP50Ms: round(percentile(editorTyped.threadMs, 50)),
    baselineThreadPerKeyP50Ms: round(percentile(baselineTyped.threadMs, 50)),
    threadPerKeyP95Ms: round(percentile(editorTyped.threadMs, 95)),
    baselineThreadPerKeyP95Ms: round(percentile(baselineTyped.threadMs, 95)),
    scriptPerKeyMs: round(editorTyped.scriptMs),
    baselineScriptPerKeyMs: round(baselineTyped.scriptMs),
    styleAndLayoutPerKeyMs: round(editorTyped.layoutMs),
    baselineStyleAndLayoutPerKeyMs: round(baselineTyped.layoutMs),
    // Frame-aligned, not judged: key event to after the next frame's paint. Frames follow a 60 Hz
    // vsync in this Chromium, so this includes waiting for the display's next refresh (up to
    // 16.7 ms) whatever the editor does; it is what the shopkeeper sees, not the editor's cost.
    frameAlignedKeyToNextFrameP50Ms: round(percentile(probe.__latencies, 50)),
    frameAlignedKeyToNextFrameP95Ms: round(frameP95),
    baselineFrameAlignedKeyToNextFrameP95Ms: round(baselineFrameP95),
    // Key event to the updated, laid-out page (the part the editor controls, wall clock).
    keyToUpdatedLayoutP95Ms: round(percentile(probe.__work, 95)),
    baselineKeyToUpdatedLayoutP95Ms: round(percentile(baseline.__work, 95)),
    // Chromium's Event Timing: keystrokes of 16 ms or more from key to paint.
    keysOver16msToPaint: slow.length,
    keysOver16msToPaintBaseline: baseline.__slowKeys.length,
    slowestKeyHandlerMs: round(Math.max(0, ...slow.map((s) => s.processing))),
    // React renders while typing (0: Lexical alone updates the text; the blocks are left alone).
    reactCommitsOnLoad,
    reactCommitsWhileTyping: commits[1]!,
    reactCommitsPerKeystroke: round(commits[1]! / KEYSTROKES),
    savesWhileTyping,
    savesAfterPause: saveCalls,
    saveAfterLastKeyMs,
    savedOk: body.ok && stored.includes(typedText.trimEnd()) ? 'yes' : 'no',
    // Not judged: a Chromium trace of further keys, main-thread self time per phase per key.
    ...traced,
    loadAverage1m: round(loadavg()[0]!),
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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: BROWSER_FLAGS,
  });
  try {
    return await measureIn(browser, app, server, await buildLoneEditorScript());
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    dir.remove();
  }
}
