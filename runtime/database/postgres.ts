import pg from 'pg';
import { type Database, parseInt8, type Queryable } from './database';
import type { Logger } from '../logging/logger';

export interface PostgresOptions {
  connectionString: string;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  logger?: Logger;
}

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * A PostgreSQL server through a connection pool. Notifications use one extra dedicated connection
 * that reconnects by itself; listeners are expected to re-read their cursor after a reconnect
 * (a notification sent while it was down is lost, the rows are not).
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types: typeParsers,
    // A server that does not answer fails a request in seconds instead of hanging it.
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', (error) => options.logger?.warn('idle database connection failed', { error: error.message }));
  // Fail fast with a clear message when the server is not there.
  await pool.query('select 1');

  const notifications = new NotificationConnection(options.connectionString, options.logger);
  let closed = false;

  return {
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(sql, params ? [...params] : undefined);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      let broken = false;
      // A checked-out client has no pool listener: the server going away mid-transaction would be
      // an unhandled 'error' event (a crash) instead of a failed query and a discarded connection.
      const onError = (error: Error) => {
        broken = true;
        options.logger?.warn('database connection lost in a transaction', { error: error.message });
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await work({
          async query<Row>(sql: string, params?: readonly unknown[]) {
            const r = await client.query(sql, params ? [...params] : undefined);
            return { rows: r.rows as Row[], rowCount: r.rowCount ?? 0 };
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    listen(channel, onNotify, onInterrupted) {
      return notifications.listen(channel, onNotify, onInterrupted);
    },
    async close() {
      if (closed) return;
      closed = true;
      await notifications.close();
      await pool.end();
    },
  };
}

type NotifyHandler = (payload: string) => void;

/** One `LISTEN` connection shared by every channel of one database, reconnecting after failures. */
class NotificationConnection {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<NotifyHandler>>();
  private readonly interruptions = new Map<NotifyHandler, () => void>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** `pg` clients run one command at a time; LISTEN/UNLISTEN from several feeds queue here. */
  private commands: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connectionString: string,
    private readonly logger?: Logger,
  ) {}

  async listen(channel: string, handler: NotifyHandler, onInterrupted?: () => void): Promise<() => Promise<void>> {
    if (onInterrupted) this.interruptions.set(handler, onInterrupted);
    let handlers = this.handlers.get(channel);
    const firstForChannel = !handlers;
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
    }
    handlers.add(handler);
    const client = await this.connect();
    if (firstForChannel) await this.command(client, `listen ${pg.escapeIdentifier(channel)}`);
    return async () => {
      handlers.delete(handler);
      this.interruptions.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        if (this.client && !this.closed) {
          await this.command(this.client, `unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        }
      }
    };
  }

  private command(client: pg.Client, sql: string): Promise<unknown> {
    const run = this.commands.then(() => client.query(sql));
    this.commands = run.catch(() => undefined);
    return run;
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting) {
      this.connecting = this.openClient().finally(() => {
        this.connecting = undefined;
      });
    }
    return this.connecting;
  }

  private async openClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000 });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) {
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private lose(client: pg.Client, error?: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    this.logger?.warn('notification connection lost; reconnecting', { error: error?.message });
    for (const interrupted of this.interruptions.values()) interrupted();
    const retry = () => {
      this.reconnectTimer = undefined;
      if (this.closed || this.handlers.size === 0) return;
      this.connect().then(
        // Listeners re-read their cursors on their next poll, so nothing committed meanwhile is lost.
        () => {
          for (const handlers of this.handlers.values()) for (const handler of handlers) handler('');
        },
        () => {
          this.reconnectTimer = setTimeout(retry, 1000);
        },
      );
    };
    this.reconnectTimer = setTimeout(retry, 100);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await this.commands;
    await client?.end().catch(() => undefined);
  }
}
