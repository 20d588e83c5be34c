import { isDatabaseUnavailable } from '../errors/maskUnexpectedErrors';
import { UpstreamError } from '../http/graphqlRequest';
import type { Logger } from '../logging/logger';

/**
 * Runs `work` every `intervalMs` and on request. A request while a run is under way in this process
 * joins that run rather than starting another; a failed timed run is logged and the next one tries
 * again. Jobs built on it must be safe to run on several instances at once.
 */
export class PeriodicJob<Report> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<Report> | undefined;
  private stopping = false;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<Report>,
    private readonly logger: Logger,
  ) {}

  /** Runs every `intervalMs` (0: only on request). */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.stopping = false;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => {
        // A run cut short by shutdown (the services it calls stop too) is not a fault.
        if (this.stopping) this.logger.debug(`${this.name} stopped mid-run`, { error: String(error) });
        // A database or service that is away is retried by the next run: worth a warning, not an error.
        else if (
          isDatabaseUnavailable(error) ||
          (error instanceof UpstreamError && error.kind === 'UpstreamUnavailable')
        )
          this.logger.warn(`${this.name} failed; retrying`, { error: String(error) });
        else this.logger.error(`${this.name} failed`, { error: String(error) });
      });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  run(): Promise<Report> {
    this.running ??= this.work().finally(() => (this.running = undefined));
    return this.running;
  }
}
