import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../runtime/errors/errorCodes';
import type { ServiceMetrics } from '../runtime/observability/metrics';
import { requestIdHeaders } from '../runtime/observability/requestScope';
import { inClientSpan, traceHeaders } from '../runtime/observability/tracing';
import type { GatewayContext } from './gatewayContext';

/**
 * How the gateway sends subgraph requests: `apollo` is @apollo/gateway's own fetcher
 * (make-fetch-happen, connections kept alive), the default; `node` is Node's fetch (undici), which
 * the benchmark measures against it (no difference beyond the machine's noise so far).
 */
export type SubgraphFetcher = 'node' | 'apollo';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * How the gateway calls one subgraph: with the client's token, which the subgraph verifies again.
 * A subgraph that does not answer becomes a `SERVICE_UNAVAILABLE` error naming it, instead of a
 * transport error with internal addresses.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    fetcher: SubgraphFetcher = 'apollo',
    private readonly metrics?: ServiceMetrics,
  ) {
    // Node's fetch takes the same arguments and gives a compatible response; only its types differ.
    super(fetcher === 'node' ? { url, fetcher: fetch as unknown as Fetcher } : { url });
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
