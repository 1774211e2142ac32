/**
 * The send queue's waits (idle, rate limit, a retry's moment) that a kick ends at once: a send
 * started, paused, resumed or cancelled, or the app closing. Leaves no timer behind.
 */
export class Waker {
  private wakeUp: (() => void) | null = null;
  /** Set by a kick; the loop clears it at the start of each round. */
  kicked = false;

  /**
   * The woken loop goes on in a turn of its own: a kick comes at the end of long work (send.start's
   * last transaction and its progress), to which the queue's first counts and claim would add.
   */
  kick(): void {
    this.kicked = true;
    if (this.wakeUp) setImmediate(() => this.wakeUp?.());
  }

  /** Waits `ms`, or less when kicked or when `alsoOn` settles first. */
  async sleep(ms: number, alsoOn?: Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slept = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        this.wakeUp = null;
        resolve();
      };
    });
    await (alsoOn ? Promise.race([slept, alsoOn]) : slept);
    clearTimeout(timer);
  }
}
