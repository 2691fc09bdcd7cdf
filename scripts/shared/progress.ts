/**
 * Work done so far, on stderr so stdout stays the report: the load generator's orders, a
 * rebuild's events. A terminal gets one bar redrawn in place; a log file or CI gets a plain line
 * every 2 s, since carriage returns pile up there.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressLabels {
  /** Prefix of a plain line, e.g. `load`. */
  tag: string;
  /** What is counted, plural, e.g. `orders`. */
  unit: string;
}

const REDRAW_MS = 200;
const LINE_MS = 2000;

export class Progress {
  private done = 0;
  private started = 0;
  private note = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private total: number,
    private readonly out: ProgressStream | null,
    private readonly labels: ProgressLabels = { tag: 'load', unit: 'orders' },
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

  /** For work counted elsewhere (a rebuild reports totals): the total may grow as work arrives. */
  set(done: number, total: number, note = ''): void {
    [this.done, this.total, this.note] = [done, Math.max(total, done), note];
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
    const left = this.total - this.done;
    const eta = rate > 0 && left > 0 ? `, ETA ${(left / rate).toFixed(0)} s` : '';
    const note = this.note ? ` ${this.note}` : '';
    return `${this.done}/${this.total} ${this.labels.unit} done, ${rate.toFixed(1)} ${this.labels.unit}/s, ${seconds.toFixed(1)} s${eta}${note}`;
  }

  private render(): void {
    if (!this.out) return;
    if (!this.out.isTTY) {
      this.out.write(`[${this.labels.tag}] ${this.line()}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 70));
    const filled = this.total > 0 ? Math.round((this.done / this.total) * width) : width;
    // \r and erase-line: the bar overwrites itself instead of scrolling.
    this.out.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.line()}`);
  }
}
