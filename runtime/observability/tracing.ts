import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { IncomingHttpHeaders } from 'node:http';
import { requestScope } from './requestScope';

/** Where spans go: nowhere (the default: the API stays a no-op), an OTLP/HTTP collector, or stdout. */
export type TraceExporterKind = 'none' | 'otlp' | 'console';

export interface TracingConfig {
  exporter: TraceExporterKind;
  /** The OTLP/HTTP traces endpoint, e.g. http://collector:4318/v1/traces (the exporter's default otherwise). */
  otlpEndpoint?: string;
  /** `service.name` of every span this process sends. */
  serviceName: string;
  /** The share of new traces recorded, 0 to 1 (a caller's sampled trace is always continued). Default 1. */
  sampleRatio?: number;
}

const tracerName = 'loyalty-graph';
let installed: BasicTracerProvider | undefined;

/**
 * Installs a tracer provider for this process (once: the services of one process share it), with
 * W3C trace context propagation and an async-local context, so spans of one request nest across
 * awaits. With the exporter `none` nothing is installed and every span below is a no-op.
 */
export function startTracing(config: TracingConfig, exporter?: SpanExporter): { stop(): Promise<void> } {
  if (installed || (config.exporter === 'none' && !exporter)) return { stop: async () => undefined };
  const spanExporter =
    exporter ??
    (config.exporter === 'otlp'
      ? new OTLPTraceExporter(config.otlpEndpoint ? { url: config.otlpEndpoint } : {})
      : new ConsoleSpanExporter());
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio ?? 1) }),
    // A test's in-memory exporter sees each span as it ends; real exporters send in batches.
    spanProcessors: [exporter ? new SimpleSpanProcessor(spanExporter) : new BatchSpanProcessor(spanExporter)],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  installed = provider;
  return {
    async stop() {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
      installed = undefined;
    },
  };
}

const tracer = () => trace.getTracer(tracerName);

const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/** The trace context a caller sent (`traceparent`), or the current one. */
export function incomingContext(headers: IncomingHttpHeaders): Context {
  return propagation.extract(context.active(), headers, headerGetter);
}

/** Starts a server span for an incoming request as a child of the caller's span. */
export function startServerSpan(name: string, parent: Context, attributes: Record<string, string>): Span {
  return tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
}

/** Runs `work` in a client span (a call to another service), ending it when `work` settles. */
export async function inClientSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes });
  try {
    return await context.with(trace.setSpan(context.active(), span), work);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** The current trace context as headers (`traceparent`) for a call to another service. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/**
 * Runs `work` outside any request: no request id, no trace. For connections shared by many
 * requests, whose callbacks would otherwise run in the scope of the request that opened them.
 */
export function outsideRequest<T>(work: () => T): T {
  return requestScope.exit(() => context.with(ROOT_CONTEXT, work));
}

export { context as traceContext, trace, SpanStatusCode, type Span };
