import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { InternalCredential } from '../../runtime/auth/tokens';
import type { Logger } from '../../runtime/logging/logger';
import { outsideRequest } from '../../runtime/observability/tracing';
import type { Resumable } from './resumableOperation';

export interface UpstreamListener {
  next(result: ExecutionResult): void;
  error(error: unknown): void;
  complete(): void;
}

interface SharedSubscription {
  listeners: Set<UpstreamListener>;
  unsubscribe: () => void;
}

export interface UpstreamRequest {
  query: string;
  variables: Record<string, unknown>;
  /** The client's token, for the subgraph to verify and authorise this operation. */
  extensions?: { authorization?: string };
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The gateway's side of subgraph subscriptions: one `graphql-ws` connection per subgraph, shared by
 * every client (each operation carries its client's token in `extensions`), and one upstream subscription per distinct (subgraph, operation, variables),
 * fanned out to every client that asked for it.
 */
export class UpstreamSubscriptions {
  private readonly clients = new Map<string, Client>();
  private readonly shared = new Map<string, SharedSubscription>();
  private unsharedCount = 0;

  constructor(
    private readonly wsUrls: Readonly<Record<string, string>>,
    private readonly logger: Logger,
    /** The gateway's own token, sent in `connection_init`: subgraphs let a service connection multiplex. */
    private readonly credential: InternalCredential,
    /** How long a lost resumable subscription is retried before its clients are told. Default 30 s. */
    private readonly resumeWindowMs = 30_000,
  ) {}

  /**
   * Opens (or joins) an upstream subscription of the same caller. `shareable: false` opens one of
   * its own: a subscription that replays from a cursor must not be joined midway by another
   * client, who would miss the replay.
   */
  subscribe(
    serviceName: string,
    request: UpstreamRequest,
    listener: UpstreamListener,
    sharing: { shareable: boolean; principalKey: string },
    resume?: Resumable,
  ): () => void {
    // Only callers with the same identity share: the subgraph authorised the first one's token.
    const key = sharing.shareable
      ? `${serviceName}\n${sharing.principalKey}\n${request.query}\n${stableJson(request.variables)}`
      : `${serviceName}\n#${++this.unsharedCount}`;
    let shared = this.shared.get(key);
    if (!shared) {
      const listeners = new Set<UpstreamListener>();
      const forget = () => {
        if (this.shared.get(key)?.listeners === listeners) this.shared.delete(key);
      };
      shared = { listeners, unsubscribe: this.open(serviceName, request, listeners, forget, resume) };
      this.shared.set(key, shared);
    }
    const current = shared;
    current.listeners.add(listener);
    return () => {
      if (!current.listeners.delete(listener) || current.listeners.size > 0) return;
      if (this.shared.get(key) === current) this.shared.delete(key);
      current.unsubscribe();
    };
  }

  /**
   * Opens one upstream subscription for `listeners`. A resumable one whose connection is lost (the
   * subgraph restarted, a deploy) is reopened from the last event received, with backoff, for up
   * to `resumeWindowMs`: the clients' streams go on with no gap and no duplicate. Past the window,
   * or for any other subscription, the listeners get the error and resume themselves.
   */
  private open(
    serviceName: string,
    request: UpstreamRequest,
    listeners: Set<UpstreamListener>,
    forget: () => void,
    resume: Resumable | undefined,
  ): () => void {
    let cursor = resume?.initialAfter ?? null;
    let closed = false;
    let lostSince: number | undefined;
    let attempt = 0;
    let retryTimer: NodeJS.Timeout | undefined;
    let unsubscribeCurrent = () => {};
    const end = (notify: (listener: UpstreamListener) => void) => {
      closed = true;
      forget();
      for (const listener of listeners) notify(listener);
    };
    const reopen = (openedAt: number, error: unknown): void => {
      if (closed) return;
      // A connection that stayed up a while before it was lost starts a new outage.
      if (openedAt < Date.now() - 2000) {
        lostSince = undefined;
        attempt = 0;
      }
      lostSince ??= Date.now();
      if (Date.now() - lostSince >= this.resumeWindowMs) {
        end((listener) => listener.error(error));
        return;
      }
      const delay = Math.min(100 * 2 ** attempt++, 2000);
      this.logger.info('reopening an upstream subscription', { serviceName, after: cursor, delayMs: delay });
      retryTimer = setTimeout(() => connect(resume!.request(cursor)), delay);
      retryTimer.unref();
    };
    const connect = (current: UpstreamRequest) => {
      if (closed) return;
      const openedAt = Date.now();
      // Outside the caller's request: the shared connection's events (and the calls that resolve
      // them) belong to every subscriber, not to the one whose subscribe opened it.
      unsubscribeCurrent = outsideRequest(() =>
        this.client(serviceName).subscribe<Record<string, unknown>>(current, {
          next: (result) => {
            const eventId = resume?.eventIdOf(result.data);
            if (eventId !== undefined) cursor = eventId;
            for (const listener of listeners) listener.next(result as ExecutionResult);
          },
          error: (error) => {
            if (resume && isConnectionLoss(error)) reopen(openedAt, error);
            else if (!closed) end((listener) => listener.error(error));
          },
          complete: () => {
            // An event stream never completes by itself: its subgraph is shutting down.
            if (resume) reopen(openedAt, new Error(`the ${serviceName} service closed the subscription`));
            else if (!closed) end((listener) => listener.complete());
          },
        }),
      );
    };
    connect(resume ? resume.request(cursor) : request);
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      unsubscribeCurrent();
    };
  }

  async close(): Promise<void> {
    for (const shared of this.shared.values()) shared.unsubscribe();
    this.shared.clear();
    await Promise.all([...this.clients.values()].map((client) => client.dispose()));
    this.clients.clear();
  }

  private client(serviceName: string): Client {
    let client = this.clients.get(serviceName);
    if (!client) {
      const url = this.wsUrls[serviceName];
      if (!url) throw new Error(`no WebSocket URL for subgraph ${serviceName}`);
      client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: true,
        connectionParams: async () => ({ authorization: await this.credential.authorization() }),
        // No automatic resubscription: graphql-ws would resend the original operation, replaying
        // from the original cursor (duplicates) or going on live (a gap). `open` reopens resumable
        // subscriptions from their last event instead; the next subscription opens a new connection.
        retryAttempts: 0,
        keepAlive: 10_000,
        on: {
          closed: (event) =>
            this.logger.debug('upstream subscription connection closed', {
              serviceName,
              code: (event as { code?: number })?.code,
            }),
        },
      });
      this.clients.set(serviceName, client);
    }
    return client;
  }
}

/**
 * A lost connection (closed socket, refused connection) rather than the subgraph refusing the
 * operation (GraphQL errors) or the connection (4400-4499: bad request, forbidden, ...).
 */
function isConnectionLoss(error: unknown): boolean {
  if (Array.isArray(error)) return false;
  const code = (error as { code?: unknown } | null)?.code;
  return !(typeof code === 'number' && code >= 4400 && code < 4500);
}
