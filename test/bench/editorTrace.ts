import type { CDPSession, Page } from '@playwright/test';

/**
 * Where a keystroke's main-thread time goes, read from a Chromium trace: the self time of the
 * renderer main thread's trace events, grouped into the phases Chromium's Performance panel
 * shows, per page (each page names its main thread in the trace with console.timeStamp, see
 * markThread). Reported beside the judged figure, never judged: tracing itself costs time, so
 * this pass types its own keys after the measured ones.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { message?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'].join(
  ',',
);

/** Phase of each trace event whose self time counts; anything else is "other" (task overhead). */
const PHASES: Record<string, string> = {
  FunctionCall: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  FireIdleCallback: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  UpdateLayoutTree: 'styleAndLayout',
  Layout: 'styleAndLayout',
  'LocalFrameView::performLayout': 'styleAndLayout',
  'InlineNode::ShapeTextIncludingFirstLine': 'styleAndLayout',
  'Document::UpdateStyleAndLayout': 'styleAndLayout',
  'TypingCommand::InsertText': 'editing',
  'Editor::SyncSelection': 'editing',
  'FrameSelection::SetSelection': 'editing',
  'IdleSpellCheckController::hotModeInvocation': 'editing',
  PrePaint: 'paint',
  Paint: 'paint',
  'Blink.Paint.UpdateTime': 'paint',
  'Blink.PrePaint.UpdateTime': 'paint',
  Layerize: 'compositing',
  'PaintArtifactCompositor::Update': 'compositing',
  'Blink.CompositingInputs.UpdateTime': 'compositing',
  Commit: 'compositing',
  HitTest: 'hoverHitTest',
  'LayoutView::HitTest': 'hoverHitTest',
  'EventHandler::handleMouseMoveEvent': 'hoverHitTest',
  'LocalFrameView::RunAccessibilitySteps': 'accessibility',
};

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) return [];
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Leaves a mark on the page's main thread in the running trace, found again by phasesPerKey. */
export async function markThread(page: Page, label: string): Promise<void> {
  await page.evaluate((mark) => console.timeStamp(mark), `winkelpost-trace-${label}`);
}

/** Self time per phase on the main thread marked with `label`, in ms per keystroke. */
export function phasesPerKey(
  events: TraceEvent[],
  label: string,
  keystrokes: number,
): Record<string, number> {
  const main = events.find(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message === `winkelpost-trace-${label}`,
  );
  if (!main) return {};
  const slices = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time: a slice's duration less its children's, found with a stack of open slices.
  const self = new Map<TraceEvent, number>();
  const open: TraceEvent[] = [];
  for (const slice of slices) {
    while (open.length > 0 && open.at(-1)!.ts + open.at(-1)!.dur! <= slice.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent, self.get(parent)! - slice.dur!);
    self.set(slice, slice.dur!);
    open.push(slice);
  }
  const phases: Record<string, number> = {};
  let total = 0;
  for (const [slice, micros] of self) {
    const phase = PHASES[slice.name] ?? 'other';
    phases[phase] = (phases[phase] ?? 0) + micros;
    total += micros;
  }
  const perKey = (micros: number) => Number((micros / 1000 / keystrokes).toFixed(2));
  const result = Object.fromEntries(
    Object.entries(phases)
      .sort((a, b) => b[1] - a[1])
      .map(([phase, micros]) => [phase, perKey(micros)]),
  );
  return { ...result, total: perKey(total) };
}
