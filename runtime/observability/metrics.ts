import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Request and fetch durations, in seconds: a few milliseconds to the gateway's longest waits. */
const durationBuckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's own metrics (CPU, memory, event-loop lag, GC), collected once per process: every
 * collection starts monitors that are never stopped, and services sharing a process share them.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const gaugeReadTimeoutMs = 1000;

/** Operation names come from clients: bounded, so a client cannot grow the series without end. */
const maxOperationNames = 200;
const operationName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * One service's Prometheus metrics, on a registry of its own (several services may share a
 * process): GraphQL operations by name, type and outcome, their latency and error codes, and gauges
 * the service reads when scraped (live subscriptions, outbox lag, database pool).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  readonly operationDuration: Histogram<'operation' | 'type'>;
  readonly operationErrors: Counter<'operation' | 'code'>;
  readonly subgraphFetches: Histogram<'subgraph' | 'outcome'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    this.operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations served, by operation name, type and outcome (ok or error).',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time to answer a GraphQL operation over HTTP.',
      labelNames: ['operation', 'type'],
      buckets: durationBuckets,
      registers: [this.registry],
    });
    this.operationErrors = new Counter({
      name: 'graphql_operation_errors_total',
      help: 'Errors in GraphQL responses, by operation and extensions.code.',
      labelNames: ['operation', 'code'],
      registers: [this.registry],
    });
    this.subgraphFetches = new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Time the gateway waited for one subgraph fetch, by subgraph and outcome (ok or error).',
      labelNames: ['subgraph', 'outcome'],
      buckets: durationBuckets,
      registers: [this.registry],
    });
  }

  /**
   * The label for a client's operation name: itself while names are few and well-formed, and only
   * for authenticated callers (anyone else could fill the slots with names of their own).
   */
  operationLabel(name: string | null | undefined, authenticated: boolean): string {
    if (!name) return 'anonymous';
    if (!authenticated) return 'unauthenticated';
    if (!operationName.test(name)) return 'invalid';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= maxOperationNames) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** A gauge whose value is read when Prometheus scrapes (labels as the reader returns them). */
  gauge<Label extends string>(
    name: string,
    help: string,
    labelNames: readonly Label[],
    read: () => Promise<Array<{ labels?: Partial<Record<Label, string>>; value: number }>>,
  ): void {
    new Gauge<Label>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        // A reading that fails or hangs (the database is away) leaves this gauge empty, not the scrape broken.
        const values = await Promise.race([
          read().catch(() => undefined),
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), gaugeReadTimeoutMs).unref()),
        ]);
        if (!values) {
          // Unknown, not zero: a gauge without labels would otherwise read 0.
          if (labelNames.length === 0) this.set(NaN);
          return;
        }
        for (const { labels, value } of values) {
          if (labels) this.set(labels, value);
          else this.set(value);
        }
      },
    });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return { contentType: this.registry.contentType, body: `${own}\n${process}` };
  }
}
