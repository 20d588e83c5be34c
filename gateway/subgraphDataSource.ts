import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../runtime/errors/errorCodes';
import { serviceClient } from '../runtime/http/keepAliveClient';
import type { ServiceMetrics } from '../runtime/observability/metrics';
import { requestIdHeaders } from '../runtime/observability/requestScope';
import { inClientSpan, traceHeaders } from '../runtime/observability/tracing';
import type { GatewayContext } from './gatewayContext';

/**
 * How the gateway sends subgraph requests: `keepalive` is node:http over kept-alive connections
 * (runtime/http/keepAliveClient.ts), the default; `apollo` is @apollo/gateway's own fetcher
 * (make-fetch-happen, also kept alive) and `node` Node's fetch (undici), which the benchmark
 * measures against it.
 */
export const subgraphFetchers = ['keepalive', 'apollo', 'node'] as const;
export type SubgraphFetcher = (typeof subgraphFetchers)[number];

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * Apollo's fetcher contract over node:http with kept-alive connections: the answer is read whole and
 * handed back as the few members Apollo reads (ok, status, headers.get, json, text). It spares
 * make-fetch-happen's per-call agent work (an Error stack built per request to probe the endpoint),
 * most of the gateway's CPU for a small query.
 */
const keepAliveFetch = (async (url: string, init: { headers: Record<string, string>; body: string }) => {
  const response = await serviceClient.post(url, init.body, { headers: init.headers });
  return {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    statusText: response.statusText,
    url,
    headers: { get: (name: string) => headerValue(response.headers[name.toLowerCase()]) },
    json: async () => JSON.parse(response.text) as unknown,
    text: async () => response.text,
  };
}) as unknown as Fetcher;

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

/**
 * How the gateway calls one subgraph: with the client's token, which the subgraph verifies again.
 * A subgraph that does not answer becomes a `SERVICE_UNAVAILABLE` error naming it, instead of a
 * transport error with internal addresses.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    fetcher: SubgraphFetcher = 'keepalive',
    private readonly metrics?: ServiceMetrics,
  ) {
    // Node's fetch takes the same arguments and gives a compatible response; only its types differ.
    super(
      fetcher === 'apollo'
        ? { url }
        : { url, fetcher: fetcher === 'node' ? (fetch as unknown as Fetcher) : keepAliveFetch },
    );
  }

  /** Each fetch is a client span of the operation's trace, timed per subgraph and outcome. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const started = process.hrtime.bigint();
    let outcome = 'error';
    try {
      const response = await inClientSpan(`subgraph ${this.serviceName}`, { 'subgraph.name': this.serviceName }, () =>
        super.process(options),
      );
      if (!response.errors?.length) outcome = 'ok';
      return response;
    } finally {
      this.metrics?.subgraphFetches.observe(
        { subgraph: this.serviceName, outcome },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    }
  }

  /**
   * Subgraphs authorise every request themselves, so each gets the client's own token; the request
   * id and the trace context go along, so the subgraph's logs and spans join the operation's.
   */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    const authorization = (context as Partial<GatewayContext> | undefined)?.authorization;
    if (authorization) headers.set('authorization', authorization);
    for (const [name, value] of Object.entries({ ...requestIdHeaders(), ...traceHeaders() })) headers.set(name, value);
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) {
      // A subgraph that answered 4xx with GraphQL errors (input it refused): pass its first error on
      // with its own code, rather than "400: Bad Request".
      const body = (
        error.extensions.response as { body?: { errors?: Array<{ message: string; extensions?: object }> } }
      )?.body;
      const first = body?.errors?.[0];
      if (first) {
        throw new GraphQLError(first.message, { extensions: { ...first.extensions, serviceName: this.serviceName } });
      }
      throw error;
    }
    throw new GraphQLError(`The ${this.serviceName} service did not answer`, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.serviceName },
      originalError: error,
    });
  }
}
