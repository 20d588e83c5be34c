import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** `1mb`, `500kb`, `2048`: the body limit's bytes (the units express's body parser reads). */
export function bodyLimitBytes(limit: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!match) throw new Error(`A body limit is a size such as 1mb or 500kb, not ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(match[1]) * unit);
}

const jsonContentType = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/**
 * Whether a request is the common case the direct path serves: `POST /graphql` with a JSON body of a
 * declared length within the limit. Anything else (GET, another content type or charset, a body
 * too large or of unknown length) goes through express, whose body parser answers it as before.
 */
export function isPlainGraphQLPost(request: IncomingMessage, path: string, limitBytes: number): boolean {
  if (request.method !== 'POST') return false;
  const url = request.url ?? '';
  const query = url.indexOf('?');
  if ((query < 0 ? url : url.slice(0, query)) !== path) return false;
  if (!jsonContentType.test(request.headers['content-type'] ?? '')) return false;
  const length = Number(request.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= limitBytes;
}

/** The body of a request whose length is declared: what the client sent, or undefined if it went away. */
export function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('aborted', () => resolve(undefined));
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(undefined) : reject(error),
    );
  });
}

/**
 * A JSON object or array, as express's strict body parser accepts; undefined for anything else
 * (the caller answers 400 as express does).
 */
export function parseJsonBody(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Runs one parsed GraphQL POST through Apollo Server and writes its answer, as
 * @as-integrations/express5 does, without express's request and response layers.
 */
export async function answerGraphQLPost<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  request: IncomingMessage,
  response: ServerResponse,
  body: unknown,
  context: () => Promise<Context>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : url.slice(query), body },
    context,
  });
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.setHeader('content-length', Buffer.byteLength(answer.body.string));
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}
