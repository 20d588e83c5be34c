import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '../../runtime/logging/logger';

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

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The gateway's side of subgraph subscriptions: one `graphql-ws` connection per subgraph, shared by
 * every client, and one upstream subscription per distinct (subgraph, operation, variables),
 * fanned out to every client that asked for it.
 */
export class UpstreamSubscriptions {
  private readonly clients = new Map<string, Client>();
  private readonly shared = new Map<string, SharedSubscription>();
  private unsharedCount = 0;

  constructor(
    private readonly wsUrls: Readonly<Record<string, string>>,
    private readonly logger: Logger,
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
      const unsubscribe = this.client(serviceName).subscribe<Record<string, unknown>>(request, {
        next: (result) => {
          for (const l of listeners) l.next(result as ExecutionResult);
        },
        error: (error) => {
          forget();
          for (const l of listeners) l.error(error);
        },
        complete: () => {
          forget();
          for (const l of listeners) l.complete();
        },
      });
      shared = { listeners, unsubscribe };
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
        // No automatic resubscription: graphql-ws would resend the original operation, replaying
        // from the original cursor (duplicates) or going on live (a gap). A lost connection ends the
        // clients' streams with an error instead, and they resume from the last event they saw.
        // The next subscription opens a new connection.
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
