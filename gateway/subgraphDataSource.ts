import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../runtime/errors/errorCodes';
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
  ) {
    // Node's fetch takes the same arguments and gives a compatible response; only its types differ.
    super(fetcher === 'node' ? { url, fetcher: fetch as unknown as Fetcher } : { url });
  }

  /** Subgraphs authorise every request themselves, so each gets the client's own token. */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = (context as Partial<GatewayContext> | undefined)?.authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
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
