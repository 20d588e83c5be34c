import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { BalanceUpdatedDocument, RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const auth = developmentAuthConfig();
const secret = new TextEncoder().encode(auth.jwtSecret);

/** A token signed with the development secret, with claims and times a test chooses. */
function signed(claims: Record<string, unknown>, times: { exp: number }, key: Uint8Array = secret) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('admin@example.com')
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setExpirationTime(times.exp)
    .sign(key);
}
const now = () => Math.floor(Date.now() / 1000);

describe('authentication', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
  });
  afterAll(() => graph?.stop());

  const rates = `{ me { id } }`;

  it.each([
    ['a malformed header', 'Token abc'],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_case, header) => {
    const response = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: header },
      body: JSON.stringify({ query: rates }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }>; data?: unknown };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });

  it('refuses a forged, an expired and a foreign-audience token', async () => {
    const forged = await signed({ role: 'admin' }, { exp: now() + 600 }, new TextEncoder().encode('x'.repeat(40)));
    const expired = await signed({ role: 'admin' }, { exp: now() - 120 });
    const foreign = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuer(auth.issuer)
      .setAudience('another-app')
      .setExpirationTime(now() + 600)
      .sign(secret);
    for (const [token, message] of [
      [forged, /not valid/],
      [expired, /expired/],
      [foreign, /not valid/],
    ] as const) {
      const result = await graph.withAuthorization(`Bearer ${token}`).request(`{ earnRates { currency } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });

  it('accepts a token that expired within the tolerated clock skew', async () => {
    const justExpired = await signed({ role: 'admin' }, { exp: now() - 5 });
    const result = await graph.withAuthorization(`Bearer ${justExpired}`).request(`{ earnRates { currency } }`);
    expect(result.errors).toBeUndefined();
  });

  it("refuses a token without an expiry, one valid for too long, and this graph's internal tokens from outside", async () => {
    const noExpiry = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .sign(secret);
    const tooLong = await signed({ role: 'admin' }, { exp: now() + 400 * 86_400 });
    const internal = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ledger')
      .setIssuer('loyalty-graph-internal')
      .setAudience('loyalty-graph-internal')
      .setExpirationTime(now() + 600)
      .sign(new TextEncoder().encode(auth.internalSecret));
    const internalRole = await signed({ role: 'internal' }, { exp: now() + 600 });
    for (const token of [noExpiry, tooLong, internal, internalRole]) {
      const result = await graph.withAuthorization(`Bearer ${token}`).request(`{ earnRates { currency } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a token naming no known role, or an associate without a store', async () => {
    for (const claims of [{ role: 'superuser' }, { role: 'associate' }]) {
      const token = await signed(claims, { exp: now() + 600 });
      const result = await graph.withAuthorization(`Bearer ${token}`).request(`{ earnRates { currency } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('has every subgraph verify the token again: none trusts a caller for being behind the gateway', async () => {
    const query = JSON.stringify({
      query: `mutation { setEarnRate(input: { currency: "EUR", points: 9, perAmount: 1 }) { points } }`,
    });
    const campaign = graph.stack.subgraphs.campaign.url;
    const anonymous = await fetch(campaign, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: query,
    });
    expect(
      ((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('UNAUTHENTICATED');
    const forged = await signed({ role: 'admin' }, { exp: now() + 600 }, new TextEncoder().encode('y'.repeat(40)));
    const withForged = await fetch(campaign, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: query,
    });
    expect(withForged.status).toBe(401);
    const { earnRates } = await graph.anonymous.data<{ earnRates: Array<{ points: number }> }, unknown>(
      `{ earnRates { points } }`,
    );
    expect(earnRates[0]!.points).toBe(1);
  });

  it('closes a WebSocket whose connection_init carries a bad token', async () => {
    const live = await graph.withAuthorization('Bearer not-a-jwt').subscribe(BalanceUpdatedDocument, {
      customerId: '00000000-0000-4000-8000-000000000000',
    });
    const message = await live.next();
    expect(message.errors?.[0]?.extensions?.closeCode).toBe(4403);
  });

  // One test for both, so that the two tokens expire during the same wait.
  it('ends a subscription when the token that opened it expires, at the gateway and opened directly on a subgraph', async () => {
    const [member, direct] = await Promise.all([enrollMember(graph), enrollMember(graph)]);
    const atGateway = async () => {
      const client = await graph.as({ role: 'member', subject: member.id }, 2);
      const live = await client.subscribe(BalanceUpdatedDocument, { customerId: member.id });
      return live.next(10_000);
    };
    const onSubgraph = async () => {
      const memberToken = await new SignJWT({ role: 'member' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(direct.id)
        .setIssuer(auth.issuer)
        .setAudience(auth.audience)
        .setExpirationTime(now() + 2)
        .sign(secret);
      const { createClient } = await import('graphql-ws');
      const { default: WebSocket } = await import('ws');
      const client = createClient({
        url: graph.stack.subgraphs.ledger.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${memberToken}` },
      });
      const message = await new Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>((resolve) => {
        client.subscribe(
          {
            query: `subscription($id: ID!) { balanceUpdated(customerId: $id) { balance } }`,
            variables: { id: direct.id },
          },
          {
            next: (value) => resolve(value as never),
            error: (error) => resolve({ errors: [{ extensions: { code: String(error) } }] }),
            complete: () => {},
          },
        );
      });
      await client.dispose();
      return message;
    };
    const [gatewayMessage, subgraphMessage] = await Promise.all([atGateway(), onSubgraph()]);
    expect(gatewayMessage.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(gatewayMessage.errors?.[0]?.message).toMatch(/expired/);
    expect(subgraphMessage.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records who made a change with the change itself (the audit trail)', async () => {
    const member = await enrollMember(graph);
    const associate = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    await associate.data(RecordPurchaseDocument, { input: purchaseInput(member.id, { storeId: 'berlin-1' }) });
    const { rows } = await graph.database.db.query<{ type: string; actor: unknown }>(
      'select type, actor from ledger.events where aggregate_id = $1 order by id',
      [member.id],
    );
    const actor = { role: 'associate', subject: 'ana@berlin-1' };
    expect(rows).toEqual([
      { type: 'BalanceUpdated', actor },
      { type: 'PurchaseRecorded', actor },
    ]);
  });
});

describe('production settings: identity provider keys (JWKS) and no introspection', () => {
  let graph: TestGraph;
  let jwksServer: Server;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
    graph = await startTestGraph({ auth: { ...auth, jwtSecret: undefined, jwksUrl }, introspection: false });
  });
  afterAll(async () => {
    await graph?.stop();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  const rs256 = (role: string) =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject(`${role}@example.com`)
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setExpirationTime(now() + 600)
      .sign(privateKey);

  it('accepts RS256 tokens from the identity provider at the gateway and in the subgraphs', async () => {
    const marketer = graph.withAuthorization(`Bearer ${await rs256('marketer')}`);
    const { setEarnRate } = await marketer.data<{ setEarnRate: { currency: string } }, unknown>(
      `mutation { setEarnRate(input: { currency: "EUR", points: 2, perAmount: 100 }) { currency } }`,
    );
    expect(setEarnRate.currency).toBe('EUR');
  });

  it('refuses HS256 tokens when no secret is configured', async () => {
    const result = await graph.admin.request(`{ me { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses introspection', async () => {
    const result = await graph.anonymous.request(`{ __schema { types { name } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data ?? null).toBeNull();
  });
});
