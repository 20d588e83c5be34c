import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../runtime/errors/errorCodes';

/**
 * How the gateway calls one subgraph. A subgraph that does not answer becomes a
 * `SERVICE_UNAVAILABLE` error naming it, instead of a transport error with internal addresses.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly serviceName: string,
    url: string,
  ) {
    super({ url });
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`The ${this.serviceName} service did not answer`, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.serviceName },
      originalError: error,
    });
  }
}
