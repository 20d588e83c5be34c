import type { IncomingMessage } from 'node:http';
import { bodyLimitBytes, isPlainGraphQLPost, parseJsonBody } from './graphqlPost';

const request = (method: string, url: string, headers: Record<string, string>) =>
  ({ method, url, headers }) as unknown as IncomingMessage;

describe('the direct path for GraphQL POSTs', () => {
  it('reads body limits in the units express reads', () => {
    expect(bodyLimitBytes('1mb')).toBe(1024 * 1024);
    expect(bodyLimitBytes('500kb')).toBe(500 * 1024);
    expect(bodyLimitBytes('2048')).toBe(2048);
    expect(bodyLimitBytes('1.5MB')).toBe(1.5 * 1024 * 1024);
    expect(() => bodyLimitBytes('lots')).toThrow('a size such as 1mb');
  });

  it('takes only JSON POSTs to the path with a declared length within the limit', () => {
    const json = { 'content-type': 'application/json', 'content-length': '20' };
    expect(isPlainGraphQLPost(request('POST', '/graphql', json), '/graphql', 100)).toBe(true);
    expect(isPlainGraphQLPost(request('POST', '/graphql?x=1', json), '/graphql', 100)).toBe(true);
    expect(
      isPlainGraphQLPost(
        request('POST', '/graphql', { ...json, 'content-type': 'application/json; charset=utf-8' }),
        '/graphql',
        100,
      ),
    ).toBe(true);
    // Everything else goes through express, which answers as before.
    expect(isPlainGraphQLPost(request('GET', '/graphql', json), '/graphql', 100)).toBe(false);
    expect(isPlainGraphQLPost(request('POST', '/import', json), '/graphql', 100)).toBe(false);
    expect(isPlainGraphQLPost(request('POST', '/graphql', { ...json, 'content-length': '101' }), '/graphql', 100)).toBe(
      false,
    );
    expect(isPlainGraphQLPost(request('POST', '/graphql', { ...json, 'content-length': '0' }), '/graphql', 100)).toBe(
      false,
    );
    expect(
      isPlainGraphQLPost(request('POST', '/graphql', { 'content-type': 'application/json' }), '/graphql', 100),
    ).toBe(false);
    for (const type of ['text/plain', 'application/json; charset=latin1', 'application/graphql']) {
      expect(isPlainGraphQLPost(request('POST', '/graphql', { ...json, 'content-type': type }), '/graphql', 100)).toBe(
        false,
      );
    }
  });

  it('parses objects and arrays only, as the strict body parser does', () => {
    expect(parseJsonBody(' {"query":"{ a }"}')).toEqual({ query: '{ a }' });
    expect(parseJsonBody('[{"query":"{ a }"}]')).toEqual([{ query: '{ a }' }]);
    expect(parseJsonBody('"text"')).toBeUndefined();
    expect(parseJsonBody('42')).toBeUndefined();
    expect(parseJsonBody('{"query":')).toBeUndefined();
  });
});
