/**
 * Long work on the main thread in turns: `await turns.pause()` between items gives the event loop
 * a turn once the current stretch has run `budgetMs`, so IPC, timers and the send queue go on
 * (issue 26: nothing may hold the loop longer than 50 ms). Cheap to call per item.
 */
export class Turns {
  private since = performance.now();

  constructor(private readonly budgetMs = 5) {}

  /** Resolves at once while the budget lasts; otherwise after the event loop had its turn. */
  async pause(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
