import { DomainError } from '../errors/domainError';
import { requestIdHeaders } from '../observability/requestScope';
import { inClientSpan, traceHeaders } from '../observability/tracing';
import { serviceClient, type PostedResponse } from './keepAliveClient';

export interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Where another service listens: known at start-up, or only once it has started (read when called). */
export type ServiceUrl = string | (() => string);

export function urlSource(url: ServiceUrl): () => string {
  return typeof url === 'string' ? () => url : url;
}

/** Another service did not answer, or answered with errors. */
export class UpstreamError extends DomainError<'UpstreamUnavailable' | 'UpstreamRejected'> {}

export interface GraphQLRequestOptions {
  /** Give up after this long. Default 5000 ms. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** The service's name, for messages that must not reveal its address. Default "another service". */
  service?: string;
}

/**
 * Calls another service's GraphQL API directly (service to service, not through the gateway).
 * Transport failures become `UpstreamUnavailable`; GraphQL errors become `UpstreamRejected`
 * carrying the first error's code.
 */
export async function graphqlRequest<Data>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: GraphQLRequestOptions = {},
): Promise<Data> {
  const service = options.service ?? 'another service';
  let response: PostedResponse;
  try {
    // A client span of the request being served, whose id and trace the called service continues.
    response = await inClientSpan(`call ${service}`, { 'peer.service': service }, () =>
      serviceClient.post(url, JSON.stringify({ query, variables }), {
        headers: { 'content-type': 'application/json', ...requestIdHeaders(), ...traceHeaders(), ...options.headers },
        timeoutMs: options.timeoutMs ?? 5000,
      }),
    );
  } catch (error) {
    throw new UpstreamError('UpstreamUnavailable', `The ${service} did not answer`, {}, { cause: error });
  }
  let body: GraphQLResponse<Data>;
  try {
    body = JSON.parse(response.text) as GraphQLResponse<Data>;
  } catch {
    throw new UpstreamError(
      'UpstreamUnavailable',
      `${new URL(url).host} answered HTTP ${response.status} without JSON`,
    );
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    // A service that answers but cannot work now (its database is away) is unavailable, not refusing.
    const kind = first!.extensions?.code === 'SERVICE_UNAVAILABLE' ? 'UpstreamUnavailable' : 'UpstreamRejected';
    throw new UpstreamError(kind, first!.message, { upstreamCode: first!.extensions?.code });
  }
  if (!body.data) throw new UpstreamError('UpstreamUnavailable', `The ${service} answered without data`);
  return body.data;
}
