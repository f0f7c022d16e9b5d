/**
 * The worker's progress: counts what the codec reports (bytes inflated, decoded, deflated) against the
 * current segment's total and posts the share done at most every 50 ms, never going backwards. A step
 * may have segments (writing, then deflating), each a fixed share of the bar.
 */
import { setDecodeListener } from "../../../src/hosts/xlsx/fast/browserBuffer";
import { setDeflateListener } from "../../../src/hosts/xlsx/fast/browserZlib";
import type { Progress, ProgressStep } from "../../../src/workbook/progress";

const INTERVAL_MS = 50;
/** Progress is posted in thousandths. */
const SCALE = 1000;

export class Meter {
  private current: ProgressStep | undefined;
  private from = 0;
  private to = 1;
  private done = 0;
  private total = 1;
  private shown = -1;
  private last = 0;

  constructor(private readonly post: (p: Progress) => void) {
    setDecodeListener((n) => this.current === "open" && this.add(n));
    setDeflateListener((n) => this.current === "download" && this.add(n));
  }

  start(step: ProgressStep, total: number): void {
    this.current = step;
    this.shown = -1;
    this.segment(0, 1, total);
  }

  /** From here on `total` units of work fill the bar from share `from` to share `to`. */
  segment(from: number, to: number, total: number): void {
    this.from = from;
    this.to = to;
    this.done = 0;
    this.total = Math.max(1, total);
    this.send(true);
  }

  /** Counted work; totals may be estimates, so a segment stops just short of its end. */
  add(n: number): void {
    this.done += n;
    this.send(false);
  }

  /** A whole unit of a step counted in stages. */
  stage(n: number): void {
    this.done += n;
    this.send(true);
  }

  finish(): void {
    if (!this.current) return;
    this.post({ step: this.current, done: SCALE, total: SCALE });
    this.current = undefined;
  }

  private send(force: boolean): void {
    if (!this.current) return;
    const share = this.from + (this.to - this.from) * Math.min(0.99, this.done / this.total);
    const value = Math.floor(share * SCALE);
    const now = Date.now();
    if (value <= this.shown || (!force && now - this.last < INTERVAL_MS)) return;
    this.last = now;
    this.shown = value;
    this.post({ step: this.current, done: value, total: SCALE });
  }
}
