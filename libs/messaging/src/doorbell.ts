/**
 * How a polling loop waits: for a ring (a NOTIFY, new work, shutdown), with its next poll as the
 * deadline. A ring that comes while the loop is busy is kept, so the next wait returns at once
 * instead of waiting through it; the loop clears the bell just before it looks for work.
 */
export class Doorbell {
  private rung = false;
  private wakeSleeper: () => void = () => undefined;

  ring(): void {
    this.rung = true;
    this.wakeSleeper();
  }

  /** Call right before looking for work: rings until now are answered by that look. */
  clear(): void {
    this.rung = false;
  }

  /** Resolves when rung (at once if a ring is kept), or after `deadlineMs` without one. */
  waitForRing(deadlineMs: number): Promise<void> {
    if (this.rung) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, deadlineMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleeper = done;
    });
  }
}
