import pino from 'pino';
import { requestScope } from '../observability/requestScope';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function isLogLevel(value: string): value is LogLevel {
  return (levels as readonly string[]).includes(value);
}

// Written synchronously, so the last lines before an exit or a crash are not lost.
let stderr: pino.DestinationStream | undefined;

const wrap = (log: pino.Logger): Logger => ({
  debug: (message, fields) => log.debug(fields ?? {}, message),
  info: (message, fields) => log.info(fields ?? {}, message),
  warn: (message, fields) => log.warn(fields ?? {}, message),
  error: (message, fields) => log.error(fields ?? {}, message),
  child: (bindings) => wrap(log.child(bindings)),
});

/**
 * A pino logger writing one JSON object per line to stderr: `time` (ISO), `level` (by name), the
 * bindings, `msg`, the fields, and the `requestId` of the request being served, if any.
 */
export function createLogger(
  level: LogLevel = 'info',
  bindings: Record<string, unknown> = {},
  destination?: pino.DestinationStream,
): Logger {
  stderr ??= pino.destination({ fd: 2, sync: true });
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const request = requestScope.getStore();
        return request ? { requestId: request.requestId } : {};
      },
    },
    destination ?? stderr,
  );
  return wrap(Object.keys(bindings).length > 0 ? log.child(bindings) : log);
}
