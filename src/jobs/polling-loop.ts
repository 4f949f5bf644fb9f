import type { LoggerService } from '@nestjs/common';

/** Shortest sleep between two rounds. */
const MIN_SLEEP_MS = 25;

export interface PollingLoopOptions {
  /** For log lines. */
  name: string;
  /** Longest sleep between two rounds. */
  intervalMs: number;
  /** How many items are worked on at once (each lane claims its own). */
  lanes: number;
  /** Claims and processes one due item; resolves false when nothing was due. */
  runOne(): Promise<boolean>;
  /** Milliseconds until the next item falls due as far as the database knows, or null when none is waiting. */
  nextDueInMs(): Promise<number | null>;
  logger: Pick<LoggerService, 'warn'>;
}

/**
 * Drives a worker over a table of due rows: each round drains what is due with `lanes` concurrent claimers,
 * then sleeps until the next known due time or `intervalMs`, whichever comes first. `wake()` / `wakeAt()` cut
 * the sleep short (a row scheduled in this process). Rows themselves are claimed with FOR UPDATE SKIP LOCKED by
 * `runOne`, so any number of loops on any number of nodes can share a table.
 */
export class PollingLoop {
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  private round?: Promise<void>;
  /** A wake-up arrived during a round: run another one right after it. */
  private again = false;

  constructor(private readonly opts: PollingLoopOptions) {}

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** Looks for due rows as soon as possible. */
  wake(): void {
    this.wakeIn(0);
  }

  /** Makes sure a round runs no later than `at`. */
  wakeAt(at: Date): void {
    this.wakeIn(at.getTime() - Date.now());
  }

  /** Stops scheduling rounds and waits for the current one (handlers in flight finish and commit). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.round;
  }

  private wakeIn(ms: number): void {
    if (this.stopped) return;
    if (ms <= 0 && this.round) {
      this.again = true;
      return;
    }
    const at = Date.now() + Math.max(0, ms);
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.startRound();
      },
      Math.max(0, ms),
    );
    this.timer.unref();
  }

  private startRound(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.runRounds().then((sleepMs) => {
      this.round = undefined;
      this.wakeIn(this.again ? 0 : sleepMs);
    });
  }

  private async runRounds(): Promise<number> {
    let sleepMs: number;
    do {
      this.again = false;
      sleepMs = await this.drain();
    } while (this.again && !this.stopped);
    return sleepMs;
  }

  /** Processes everything due; returns how long to sleep before the next round. */
  private async drain(): Promise<number> {
    let failed = false;
    const lane = async () => {
      try {
        while (!this.stopped && (await this.opts.runOne()));
      } catch (e) {
        failed = true;
        this.opts.logger.warn(`${this.opts.name}: round failed: ${(e as Error).message}`);
      }
    };
    await Promise.all(Array.from({ length: this.opts.lanes }, lane));
    if (failed || this.stopped) return this.opts.intervalMs;
    try {
      const next = await this.opts.nextDueInMs();
      if (next === null) return this.opts.intervalMs;
      // What is still due now is held by another claimer: look again shortly, without spinning.
      return Math.min(this.opts.intervalMs, Math.max(MIN_SLEEP_MS, next + 2));
    } catch (e) {
      this.opts.logger.warn(`${this.opts.name}: next due time unknown: ${(e as Error).message}`);
      return this.opts.intervalMs;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
