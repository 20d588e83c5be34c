/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): a request error (the
 * document does not parse or validate, the variables do not coerce, the body is not JSON) answers
 * 400 in `application/graphql-response+json`, and SHOULD answer 200 in `application/json`, the
 * legacy type whose clients read `errors` from any 200 (graphql-http audits 572B, FDE2, 7B9B).
 */
export const graphqlResponseJson = 'application/graphql-response+json';

/** The codes of errors raised before an operation runs, whose status depends on the media type. */
export const requestErrorCodes: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

function qualityOf(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = -1;
  let quality = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity < 0 || specificity < best) continue;
    const q = params.find((param) => param.startsWith('q='));
    best = specificity;
    quality = q ? Number(q.slice(2)) || 0 : 1;
  }
  return best < 0 ? 0 : quality;
}

/**
 * Whether a response to this `Accept` header is `application/graphql-response+json`: when the
 * client prefers it to `application/json` (as Apollo Server negotiates: a tie, `*` or no header
 * answers `application/json`).
 */
export function answersGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  return qualityOf(accept, graphqlResponseJson) > qualityOf(accept, 'application/json');
}

/** The status of a request error: 400 for `application/graphql-response+json`, 200 for `application/json`. */
export function requestErrorStatus(accept: string | undefined): 200 | 400 {
  return answersGraphQLResponseJson(accept) ? 400 : 200;
}
