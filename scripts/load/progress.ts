/**
 * Orders done so far, on stderr so stdout stays the report. A terminal gets one bar redrawn in
 * place; a log file or CI gets a plain line every 2 s, since carriage returns pile up there.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

const REDRAW_MS = 200;
const LINE_MS = 2000;

export class Progress {
  private done = 0;
  private started = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly total: number,
    private readonly out: ProgressStream | null,
  ) {}

  start(): void {
    this.started = performance.now();
    if (!this.out) return;
    this.timer = setInterval(() => this.render(), this.out.isTTY ? REDRAW_MS : LINE_MS);
    this.timer.unref();
  }

  tick(): void {
    this.done++;
  }

  stop(): void {
    clearInterval(this.timer);
    if (!this.out) return;
    this.render();
    if (this.out.isTTY) this.out.write('\n');
  }

  private line(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    return `${this.done}/${this.total} orders done, ${rate.toFixed(1)} orders/s, ${seconds.toFixed(1)} s`;
  }

  private render(): void {
    if (!this.out) return;
    if (!this.out.isTTY) {
      this.out.write(`[load] ${this.line()}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 60));
    const filled = this.total > 0 ? Math.round((this.done / this.total) * width) : width;
    // \r and erase-line: the bar overwrites itself instead of scrolling.
    this.out.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.line()}`);
  }
}
