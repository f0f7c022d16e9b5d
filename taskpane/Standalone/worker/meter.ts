/**
 * The worker's progress: counts what the codec reports (compressed bytes inflated, bytes decoded, bytes
 * deflated) against the step's total and posts it at most every 50 ms, never going backwards.
 */
import { setDecodeListener } from "../../../src/hosts/xlsx/fast/browserBuffer";
import { setDeflateListener, setInflateListener } from "../../../src/hosts/xlsx/fast/browserZlib";
import type { Progress, ProgressStep } from "../../../src/workbook/progress";

const INTERVAL_MS = 50;

export class Meter {
  private current: ProgressStep | undefined;
  private done = 0;
  private total = 1;
  private shown = 0;
  private last = 0;

  constructor(private readonly post: (p: Progress) => void) {
    const add = (n: number) => this.add(n);
    setInflateListener((n) => this.current === "open" && add(n));
    setDecodeListener((n) => this.current === "open" && add(n));
    setDeflateListener((n) => this.current === "download" && add(n));
  }

  start(step: ProgressStep, total: number): void {
    this.current = step;
    this.done = 0;
    this.shown = 0;
    this.total = Math.max(1, total);
    this.send(true);
  }

  /** Counted work; estimates may fall short, so the bar stops short of the end until `finish`. */
  add(n: number): void {
    this.done = Math.min(this.done + n, this.total * 0.99);
    this.send(false);
  }

  /** A whole unit of a step counted in units (the score step's stages). */
  stage(n: number): void {
    this.add(n);
    this.send(true);
  }

  finish(): void {
    if (!this.current) return;
    this.done = this.total;
    this.send(true);
    this.current = undefined;
  }

  private send(force: boolean): void {
    if (!this.current || this.done < this.shown) return;
    const now = Date.now();
    if (!force && now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.shown = this.done;
    this.post({ step: this.current, done: this.done, total: this.total });
  }
}
