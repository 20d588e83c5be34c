import { ConfigError } from '../config/env';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Runs a service from a `main.ts`: starts it, stops it gracefully on SIGINT/SIGTERM (a second
 * signal exits at once), and exits non-zero with a readable message when start-up fails.
 */
export function runMain(start: () => Promise<Stoppable>): void {
  start().then(
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
