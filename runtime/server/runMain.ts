import { ConfigError } from '../config/env';
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
  withTracing().then(
    (service) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        process.stderr.write(`${signal} received, stopping...\n`);
        service.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`stopping failed: ${(error as Error).message}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    },
    (error: unknown) => {
      const message =
        error instanceof ConfigError ? `configuration: ${error.message}` : ((error as Error).stack ?? String(error));
      process.stderr.write(`failed to start: ${message}\n`);
      process.exit(1);
    },
  );
}
