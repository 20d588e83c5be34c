import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { InternalCredential } from '../../runtime/auth/tokens';
import type { Logger } from '../../runtime/logging/logger';
import { outsideRequest } from '../../runtime/observability/tracing';
import type { Resumable } from './resumableOperation';
import { endOfConnection, endOfOperation, refusalCode, type UpstreamEnd } from './upstreamOutcome';

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

/** What the upstream side needs of a subgraph's graphql-ws client. */
export type SubgraphSocket = Pick<Client, 'subscribe' | 'dispose'>;

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
  private readonly clients = new Map<string, SubgraphSocket>();
  private readonly shared = new Map<string, SharedSubscription>();
  private unsharedCount = 0;

  constructor(
    private readonly wsUrls: Readonly<Record<string, string>>,
    private readonly logger: Logger,
    /** The gateway's own token, sent in `connection_init`: subgraphs let a service connection multiplex. */
    private readonly credential: InternalCredential,
    /** How long a lost resumable subscription is retried before its clients are told. Default 30 s. */
    private readonly resumeWindowMs = 30_000,
    /** Opens the socket client of one subgraph: graphql-ws over `wsUrls`, or an in-memory one in tests. */
    private readonly openSocket: (serviceName: string) => SubgraphSocket = (serviceName) => this.connectTo(serviceName),
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
   * Opens one upstream subscription for `listeners`. A resumable one whose upstream is lost (the
   * subgraph restarted, a deploy, a service it needs away) is reopened from the last event
   * received, with backoff, for up to `resumeWindowMs`: the clients' streams go on with no gap and
   * no duplicate. Past the window, or for any other subscription, the listeners get the error and
   * resume themselves. One the subgraph refused (see `UpstreamEnd`) ends at once, for good.
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
    const settle = (current: UpstreamRequest, openedAt: number, outcome: UpstreamEnd): void => {
      if (outcome.kind === 'lost' && resume) return reopen(openedAt, outcome.error);
      if (resume && refusalCode(outcome) === 'UNAUTHENTICATED') {
        // The token it was opened with expired, and a client of the same identity has a newer one.
        const renewed = resume.request(cursor);
        if (renewed.extensions?.authorization !== current.extensions?.authorization) return connect(renewed);
      }
      end((listener) => listener.error(outcome.error));
    };
    const connect = (current: UpstreamRequest) => {
      if (closed) return;
      const openedAt = Date.now();
      // This attempt's end, once handled: the `complete` that follows a refusal changes nothing.
      let ended = false;
      const finish = (outcome: UpstreamEnd) => {
        if (ended || closed) return;
        ended = true;
        unsubscribe();
        settle(current, openedAt, outcome);
      };
      // Outside the caller's request: the shared connection's events (and the calls that resolve
      // them) belong to every subscriber, not to the one whose subscribe opened it.
      const unsubscribe = outsideRequest(() =>
        this.client(serviceName).subscribe<Record<string, unknown>>(current, {
          next: (result) => {
            if (ended || closed) return;
            const refused = endOfOperation(result);
            if (refused) return finish(refused);
            const eventId = resume?.eventIdOf(result.data);
            if (eventId !== undefined) cursor = eventId;
            for (const listener of listeners) listener.next(result as ExecutionResult);
          },
          error: (error) => finish(endOfConnection(error)),
          complete: () => {
            if (ended || closed) return;
            // An event stream never completes by itself: its subgraph is shutting down.
            if (resume)
              finish({ kind: 'lost', error: new Error(`the ${serviceName} service closed the subscription`) });
            else {
              ended = true;
              end((listener) => listener.complete());
            }
          },
        }),
      );
      unsubscribeCurrent = unsubscribe;
    };
    connect(resume ? resume.request(cursor) : request);
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      unsubscribeCurrent();
    };
  }

  /** Upstream subscriptions held, open or waiting to be reopened, each counted once however shared. */
  get size(): number {
    return this.shared.size;
  }

  async close(): Promise<void> {
    for (const shared of this.shared.values()) shared.unsubscribe();
    this.shared.clear();
    await Promise.all([...this.clients.values()].map((client) => client.dispose()));
    this.clients.clear();
  }

  private client(serviceName: string): SubgraphSocket {
    let client = this.clients.get(serviceName);
    if (!client) {
      client = this.openSocket(serviceName);
      this.clients.set(serviceName, client);
    }
    return client;
  }

  private connectTo(serviceName: string): Client {
    const url = this.wsUrls[serviceName];
    if (!url) throw new Error(`no WebSocket URL for subgraph ${serviceName}`);
    return createClient({
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
  }
}
