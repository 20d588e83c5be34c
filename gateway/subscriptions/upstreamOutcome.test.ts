import { endOfConnection, endOfOperation, refusalCode } from './upstreamOutcome';

const error = (code?: string) => ({ message: `failed with ${code ?? 'no code'}`, extensions: code ? { code } : {} });

describe('how an upstream subscription ended', () => {
  it.each(['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED'])(
    'takes a %s answer to the operation for a refusal, whichever way it came',
    (code) => {
      expect(endOfOperation({ errors: [error(code)] })).toEqual({ kind: 'refused', error: [error(code)] });
      expect(endOfConnection([error(code)])).toEqual({ kind: 'refused', error: [error(code)] });
    },
  );

  it('retries only what the subgraph could not serve now: a service away, its feed left behind', () => {
    for (const code of ['SERVICE_UNAVAILABLE', 'SUBSCRIPTION_BEHIND']) {
      expect(endOfOperation({ errors: [error(code)] })?.kind).toBe('lost');
      expect(endOfConnection([error(code)]).kind).toBe('lost');
    }
  });

  it('does not retry errors of which one is not retryable, or which name no code', () => {
    expect(endOfOperation({ errors: [error('SERVICE_UNAVAILABLE'), error('FORBIDDEN')] })?.kind).toBe('refused');
    expect(endOfOperation({ errors: [error()] })?.kind).toBe('refused');
    expect(endOfOperation({ errors: [error('INTERNAL_SERVER_ERROR')] })?.kind).toBe('refused');
  });

  it('leaves events alone, even one whose fields failed', () => {
    expect(endOfOperation({ data: { balanceUpdated: { balance: 1 } } })).toBeUndefined();
    expect(endOfOperation({ data: null, errors: [error('FORBIDDEN')] })).toBeUndefined();
    expect(endOfOperation({ data: { balanceUpdated: null }, errors: [error('SERVICE_UNAVAILABLE')] })).toBeUndefined();
  });

  it('takes a closed socket for lost, and the subgraph refusing the connection itself (4400-4499) for refused', () => {
    expect(endOfConnection({ code: 1006, reason: '' }).kind).toBe('lost');
    expect(endOfConnection({ code: 1001, reason: 'Server shutting down' }).kind).toBe('lost');
    expect(endOfConnection(new Error('connect ECONNREFUSED')).kind).toBe('lost');
    expect(endOfConnection({ code: 4403, reason: 'Forbidden' }).kind).toBe('refused');
    expect(endOfConnection({ code: 4400, reason: 'Bad request' }).kind).toBe('refused');
  });

  it('names the code of a refusal, and none for what was lost', () => {
    expect(refusalCode(endOfConnection([error('UNAUTHENTICATED')]))).toBe('UNAUTHENTICATED');
    expect(refusalCode(endOfConnection([error('SERVICE_UNAVAILABLE')]))).toBeUndefined();
    expect(refusalCode(endOfConnection({ code: 4403 }))).toBeUndefined();
  });
});
