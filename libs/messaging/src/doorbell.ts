/**
 * How a polling loop sleeps: until its next poll, or until rung (a NOTIFY, new work, shutdown).
 * A ring that comes while the loop is busy is kept, so the next sleep returns at once instead of
 * sleeping through it; the loop clears the bell just before it looks for work.
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

  sleep(ms: number): Promise<void> {
    if (this.rung) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleeper = done;
    });
  }
}
