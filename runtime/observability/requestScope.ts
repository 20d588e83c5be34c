import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header a request id travels in: from the client (or the gateway) to every service it reaches. */
export const requestIdHeader = 'x-request-id';

/** What one HTTP request records as it runs, for its log line, its metrics and its span. */
export interface RequestRecord {
  requestId: string;
  /** The GraphQL operation's name, once resolved (`anonymous` without one). */
  operation?: string;
  /** query, mutation or subscription. */
  operationType?: string;
  /** Codes of the errors the response carries. */
  errorCodes: string[];
  /** Asked by one of this graph's services (polls, quotes): logged at debug, not info. */
  internal?: boolean;
}

/** The request being served, wherever in its async work the code runs (logs and outgoing calls read it). */
export const requestScope = new AsyncLocalStorage<RequestRecord>();

const acceptable = /^[\w.:@/+=-]{1,128}$/;

/** The caller's request id when it is a sensible one, otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && acceptable.test(value) ? value : randomUUID();
}

/** The current request's id as a header for a call to another service (none outside a request). */
export function requestIdHeaders(): Record<string, string> {
  const current = requestScope.getStore();
  return current ? { [requestIdHeader]: current.requestId } : {};
}
