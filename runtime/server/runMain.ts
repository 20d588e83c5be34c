import { ConfigError } from '../config/env';
import { createLogger } from '../logging/logger';
import { readTracingConfig } from '../config/serviceConfig';
import { startTracing } from '../observability/tracing';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Runs a service from a `main.ts`: starts tracing if configured, starts the service, stops both
 * gracefully on SIGINT/SIGTERM (a second signal exits at once), and exits non-zero with a readable
 * message when start-up fails.
 */
export function runMain(start: () => Promise<Stoppable>, serviceName = 'loyalty-graph'): void {
  const withTracing = async (): Promise<Stoppable> => {
    const tracing = startTracing(readTracingConfig(process.env, serviceName));
    try {
      const service = await start();
      return {
        async stop() {
          await service.stop();
          await tracing.stop();
        },
      };
    } catch (error) {
      await tracing.stop();
      throw error;
    }
  };
  // The process's own lines, JSON like every service's (the level is not known before the settings are read).
  const log = createLogger('info', { service: serviceName });
  withTracing().then(
    (service) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        log.info('stopping', { signal });
        service.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error('stopping failed', { error: (error as Error).message });
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    },
    (error: unknown) => {
      if (error instanceof ConfigError) log.error('failed to start: bad configuration', { error: error.message });
      else log.error('failed to start', { error: (error as Error).stack ?? String(error) });
      process.exit(1);
    },
  );
}
