/**
 * The send queue's waits (idle, rate limit, a retry's moment) that a kick ends at once: a send
 * started, paused, resumed or cancelled, or the app closing. Leaves no timer behind.
 */
export class Waker {
  private wakeUp: (() => void) | null = null;
  /** Set by a kick; the loop clears it at the start of each round. */
  kicked = false;

  kick(): void {
    this.kicked = true;
    this.wakeUp?.();
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
