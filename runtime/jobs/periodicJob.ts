import type { Database } from '../database/database';
import { isDatabaseUnavailable } from '../errors/maskUnexpectedErrors';
import { UpstreamError } from '../http/graphqlRequest';
import type { Logger } from '../logging/logger';
import { retryDelayMs } from './backoff';

/** `NOTIFY` channels whose notifications run a job soon, so its interval can be a slow safety net. */
export interface WakeUps {
  db: Database;
  channels: readonly string[];
  /** Whether a notification is worth a run (by its payload). Default: every one. */
  accepts?: (channel: string, payload: string) => boolean;
}

/** Another source of wake-ups (a NATS subscription): calls `wake` when a run is worth it; returns how to stop. */
export type WakeSignal = (wake: () => void) => () => Promise<void>;

export interface PeriodicJobOptions {
  wakeUps?: WakeUps;
  /** Wake-ups from elsewhere than `NOTIFY` (with `EVENT_TRANSPORT=nats`, the followed streams). */
  signals?: readonly WakeSignal[];
  /**
   * How long a wake-up waits before the run, so a burst of notifications (one transaction's events,
   * a stream of purchases) is one run rather than one each. Default 100 ms.
   */
  wakeUpDelayMs?: number;
}

/**
 * Runs `work` every `intervalMs`, soon after a wake-up (a `NOTIFY` on one of its channels, or
 * `wake`), and on request. A request while a run is under way in this process joins that run; a
 * wake-up during a run asks for one more run after it (the run under way may have read past what
 * woke it), however many arrive. A failed automatic run is logged and the next one tries again;
 * with wake-ups, whose interval is long, that next one comes after a backoff from 1 s (a service
 * that was away for a moment is read again then, not an interval later). Jobs built on it must be
 * safe to run on several instances at once.
 */
export class PeriodicJob<Report> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<Report> | undefined;
  private started = false;
  private stopping = false;
  private intervalMs = 0;
  /** The next run a wake-up asked for, and when it is due. */
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private runAgain = false;
  /** Automatic runs that failed in a row. */
  private failures = 0;
  private unlisten: Array<() => Promise<void>> = [];
  private readonly wakeUpDelayMs: number;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<Report>,
    private readonly logger: Logger,
    private readonly options: PeriodicJobOptions = {},
  ) {
    this.wakeUpDelayMs = options.wakeUpDelayMs ?? 100;
  }

  /**
   * Runs every `intervalMs` and on wake-ups (and, with wake-ups, once soon after starting). 0: only
   * on request (no timer, no wake-ups), as tests that run a job themselves need.
   */
  async start(intervalMs: number): Promise<void> {
    if (intervalMs <= 0) return;
    this.stopping = false;
    this.started = true;
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => this.runLogged(), intervalMs);
    this.timer.unref();
    const wakeUps = this.options.wakeUps;
    for (const channel of wakeUps?.channels ?? []) {
      this.unlisten.push(
        await wakeUps!.db.listen(channel, (payload) => {
          if (wakeUps!.accepts?.(channel, payload) ?? true) this.wake();
        }),
      );
    }
    for (const signal of this.options.signals ?? []) this.unlisten.push(signal(() => this.wake()));
    // A follower catches up at once on what was committed while it was away, not an interval later.
    if (wakeUps || this.options.signals?.length) this.wake();
  }

  /** Running on its own (started with an interval), rather than only on request. */
  get isStarted(): boolean {
    return this.started;
  }

  /**
   * Asks for a run in `delayMs` (default: the wake-up delay), unless one is due sooner. A delay at
   * least the interval is left to the interval. Nothing happens unless the job was started.
   */
  wake(delayMs = this.wakeUpDelayMs): void {
    if (!this.started || this.stopping || delayMs >= this.intervalMs) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (this.wakeTimer && this.wakeAt <= at) return;
    clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAt = Infinity;
      if (this.running) this.runAgain = true;
      else this.runLogged();
    }, delayMs);
    this.wakeTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    clearInterval(this.timer);
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = Infinity;
    await Promise.all(this.unlisten.splice(0).map((unlisten) => unlisten().catch(() => undefined)));
    await this.running?.catch(() => undefined);
  }

  run(): Promise<Report> {
    this.running ??= this.work().finally(() => {
      this.running = undefined;
      if (this.runAgain) {
        this.runAgain = false;
        this.wake();
      }
    });
    return this.running;
  }

  private runLogged(): void {
    this.run().then(
      () => (this.failures = 0),
      (error: unknown) => this.failed(error),
    );
  }

  private failed(error: unknown): void {
    this.failures += 1;
    if (this.options.wakeUps) this.wake(retryDelayMs(this.failures, { baseMs: 1000, maxMs: this.intervalMs }));
    // A run cut short by shutdown (the services it calls stop too) is not a fault.
    if (this.stopping) this.logger.debug(`${this.name} stopped mid-run`, { error: String(error) });
    // A database or service that is away is retried by the next run: worth a warning, not an error.
    else if (isDatabaseUnavailable(error) || (error instanceof UpstreamError && error.kind === 'UpstreamUnavailable'))
      this.logger.warn(`${this.name} failed; retrying`, { error: String(error) });
    else this.logger.error(`${this.name} failed`, { error: String(error) });
  }
}
