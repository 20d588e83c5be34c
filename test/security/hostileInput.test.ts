import fc from 'fast-check';
import { print } from 'graphql';
import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { startGateway } from '../../gateway';
import { readSupergraphSdl } from '../../gateway/composition/generateSchemaFiles';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { createLogger } from '../../runtime/logging/logger';
import { MemoryRateLimitStore } from '../../runtime/rateLimit/rateLimitStore';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

const deepQuery = (depth: number) =>
  `{ __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`;

describe('hostile input', () => {
  let graph: TestGraph;
  let member: { id: string };
  beforeAll(async () => {
    // Generous rate limits here: the fuzzing below sends many mutations on purpose.
    graph = await startTestGraph({
      gateway: { rateLimits: { mutationsPerToken: 100_000, mutationsPerIp: 100_000, windowMs: 60_000 } },
    });
    await setEarnRate(graph);
    member = await enrollMember(graph);
  });
  afterAll(() => graph?.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses a query 50 levels deep before running it', async () => {
    const result = await graph.admin.request(deepQuery(25));
    expect(result.errors?.[0]?.message).toMatch(/levels deep/);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a 10,000-alias query while parsing it', async () => {
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await graph.admin.request(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses more aliases than allowed, and a query too costly', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: earnRates { currency }`).join(' ');
    expect((await graph.admin.request(`{ ${aliases} }`)).errors?.[0]?.message).toMatch(/aliases/);
    const costly = `query($id: ID!) { customer(id: $id) { loyalty { history(first: 100) { edges { node { points reason kind balanceAfter createdAt orderId } } } } offers { title } } rewardCatalog(first: 100) { edges { node { name } } } }`;
    const many = Array.from(
      { length: 25 },
      (_, i) =>
        `c${i}: rewardCatalog(first: 100) { edges { node { id name description costPoints kind active createdAt } } }`,
    ).join(' ');
    expect((await graph.admin.request(costly, { id: member.id })).errors).toBeUndefined();
    expect((await graph.admin.request(`{ ${many} }`)).errors?.[0]?.message).toMatch(/cost/);
  });

  it('applies the same limits to operations over WebSocket', async () => {
    const live = await graph.admin.subscribe(deepQuery(25));
    expect((await live.next()).errors?.[0]?.message).toMatch(/levels deep/);
  });

  it('answers a body over the size limit with 413 and a GraphQL error', async () => {
    const response = await post(
      JSON.stringify({ query: '{ earnRates { currency } }', padding: 'x'.repeat(1_100_000) }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as GraphQLResult<unknown>).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a body that is not JSON with a GraphQL error and 400, whatever the client accepts', async () => {
    const response = await post('{ "query": ', { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphQLResult<unknown>).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const legacy = await post('{ "query": ', { accept: 'application/json' });
    expect(legacy.status).toBe(400);
    expect(((await legacy.json()) as GraphQLResult<unknown>).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers a validation error 200 for application/json and 400 for application/graphql-response+json', async () => {
    const body = JSON.stringify({ query: '{ noSuchField }' });
    expect((await post(body, { accept: 'application/json' })).status).toBe(200);
    expect((await post(body, { accept: 'application/graphql-response+json' })).status).toBe(400);
  });

  describe('refuses text PostgreSQL cannot store, and JSON too deep, before any work', () => {
    const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;
    const update = `mutation($id: ID!, $input: UpdateProfileInput!) { updateProfile(customerId: $id, input: $input) { id } }`;
    const state = async () => ({
      orders: (await counts()).orders,
      profile: (await graph.admin.data<{ customer: unknown }, { id: string }>(
        `query($id: ID!) { customer(id: $id) { givenName attributes loyalty { balance } } }`,
        { id: member.id },
      )) as unknown,
    });
    const refusal = async (result: Promise<GraphQLResult<unknown>>, argument: RegExp) => {
      const error = (await result).errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(String(error?.extensions?.argument)).toMatch(argument);
    };

    it.each([
      [
        'a NUL in a sku',
        () => ({ lines: [{ sku: 'A\u0000B', category: 'x', quantity: 1, unitPrice: 100 }] }),
        /lines\.0\.sku/,
      ],
      ['a NUL in an order id', () => ({ externalOrderId: 'pos-\u0000' }), /externalOrderId/],
      [
        'a lone surrogate in a sku',
        () => ({ lines: [{ sku: 'A\ud800', category: 'x', quantity: 1, unitPrice: 100 }] }),
        /sku/,
      ],
    ])('%s', async (_label, overrides, argument) => {
      const before = await state();
      await refusal(graph.admin.request(purchase, { input: purchaseInput(member.id, overrides()) }), argument);
      expect(await state()).toEqual(before);
    });

    it('a NUL in a name, an attribute key, or attributes 5,000 levels deep', async () => {
      const before = await state();
      await refusal(graph.admin.request(update, { id: member.id, input: { givenName: 'A\u0000' } }), /givenName/);
      await refusal(
        graph.admin.request(update, { id: member.id, input: { attributes: { 'k\u0000': 1 } } }),
        /attributes/,
      );
      const deep = `{"query":${JSON.stringify(update)},"variables":{"id":"${member.id}","input":{"attributes":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}}`;
      const response = await post(deep, { authorization: graph.admin.authorization! });
      const body = (await response.json()) as GraphQLResult<unknown>;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(String(body.errors?.[0]?.extensions?.argument)).toMatch(/attributes/);
      await refusal(
        graph.admin.request(
          `mutation { updateProfile(customerId: "${member.id}", input: { givenName: "A\\u0000" }) { id } }`,
        ),
        /givenName/,
      );
      expect(await state()).toEqual(before);
    });

    it('over WebSocket too', async () => {
      const live = await graph.admin.subscribe(update, { id: member.id, input: { givenName: 'A\u0000' } });
      expect((await live.next()).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses batched operations', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ earnRates { currency } }' }, { query: '{ earnRates { currency } }' }]),
    );
    expect(response.status).toBe(400);
  });

  interface Counts {
    orders: number;
    entries: number;
    customers: number;
    rates: number;
    rewards: number;
  }
  const counts = async (): Promise<Counts> => {
    const { rows } = await graph.database.db.query<Counts>(`select
      (select count(*)::int from ledger.orders) as orders, (select count(*)::int from ledger.entries) as entries,
      (select count(*)::int from profile.customers) as customers, (select count(*)::int from campaign.earn_rates) as rates,
      (select count(*)::int from rewards.rewards) as rewards`);
    return rows[0]!;
  };

  /** Anything a client might send in place of a value: wrong types, extremes, injection attempts. */
  const anyValue = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom("'; drop table ledger.entries; --", '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '', ' ', 'IN_STORE', 'EUR', '0', '-1', 'null'),
    fc.string({ minLength: 200, maxLength: 2000 }),
    fc.integer(),
    fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, -0.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  );

  /** Sends a mutation with one field of a valid input replaced; checks the promise every refusal keeps. */
  async function fuzz(
    client: GraphClient,
    mutation: string,
    validInput: () => Record<string, unknown>,
    fields: string[],
    changeOf: (before: Counts, after: Counts) => number,
    /** How many rows an accepted input adds: 1, or 0 for an idempotent replay of an earlier one. */
    expectedChange: (input: Record<string, unknown>) => number = () => 1,
  ) {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), anyValue, async (field, value) => {
        const input = validInput();
        const path = field.split('.');
        let target: Record<string, unknown> = input;
        for (const key of path.slice(0, -1)) target = (target[key] as Record<string, unknown>[])[0] ?? target;
        target[path.at(-1)!] = value;
        const before = await counts();
        const response = await post(JSON.stringify({ query: mutation, variables: { input } }), {
          authorization: client.authorization!,
        });
        const body = (await response.json()) as GraphQLResult<unknown>;
        const after = await counts();
        expect(response.status).toBeLessThan(500);
        for (const error of body.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        // Refused: a clear code and no change at all. Accepted (the value happened to be valid): one change.
        if (body.errors) {
          expect(typeof body.errors[0]!.extensions?.code).toBe('string');
          expect(after).toEqual(before);
        } else {
          expect(changeOf(before, after)).toBe(expectedChange(input));
        }
      }),
      { numRuns: 60 },
    );
  }

  it('answers fuzzed purchases with a clear error and no change, or records exactly one', async () => {
    // A constant order id can come up twice; the second time it is a retry, which records nothing.
    const recorded = new Set<unknown>();
    await fuzz(
      graph.admin,
      `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`,
      () => ({ ...purchaseInput(member.id) }) as unknown as Record<string, unknown>,
      [
        'customerId',
        'channel',
        'externalOrderId',
        'storeId',
        'currency',
        'lines',
        'lines.sku',
        'lines.category',
        'lines.quantity',
        'lines.unitPrice',
      ],
      (before, after) => after.orders - before.orders,
      (input) => {
        const key = `${String(input.channel)}/${String(input.externalOrderId)}`;
        if (recorded.has(key)) return 0;
        recorded.add(key);
        return 1;
      },
    );
  });

  it('answers fuzzed enrollments with a clear error and no change, or enrolls exactly one', async () => {
    let n = 0;
    await fuzz(
      graph.admin,
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      () => ({
        givenName: 'Fuzz',
        familyName: 'Test',
        email: `fuzz-${Date.now()}-${n++}@example.com`,
        phone: null,
        channel: 'ONLINE',
        storeId: null,
      }),
      ['givenName', 'familyName', 'email', 'phone', 'channel', 'storeId'],
      (before, after) => after.customers - before.customers,
    );
  });

  it('answers fuzzed catalog and rate changes with a clear error and no change', async () => {
    await fuzz(
      graph.admin,
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      () => ({ name: 'Fuzz reward', description: 'x', kind: 'DONATION', costPoints: 10 }),
      ['name', 'description', 'kind', 'costPoints'],
      (before, after) => after.rewards - before.rewards,
    );
    await fuzz(
      graph.admin,
      `mutation($input: SetEarnRateInput!) { setEarnRate(input: $input) { currency } }`,
      () => ({ currency: 'CHF', points: 1, perAmount: 100 }),
      ['currency', 'points', 'perAmount'],
      // Setting a rate again changes no row count; a valid new currency adds one.
      (before, after) => (after.rates - before.rates === 0 ? 1 : after.rates - before.rates),
    );
  });
});

describe('rate limits on mutations', () => {
  let graph: TestGraph;
  let member: { id: string };
  beforeAll(async () => {
    graph = await startTestGraph({
      gateway: {
        rateLimits: { mutationsPerToken: 3, mutationsPerIp: 5, windowMs: 60_000 },
        rateLimitStore: new MemoryRateLimitStore(),
      },
    });
    member = await enrollMember(graph);
  });
  afterAll(() => graph?.stop());

  it('refuses a token past its limit with RATE_LIMITED (429), then an address past its own', async () => {
    const associate = await graph.as({ role: 'associate', subject: 'busy@berlin-1', storeId: 'berlin-1' });
    const send = (client: GraphClient) =>
      client.request(RecordPurchaseDocument, { input: purchaseInput(member.id, { storeId: 'berlin-1' }) });
    // The admin's enrollment above was the address's first mutation.
    for (let i = 0; i < 2; i++) expect((await send(associate)).errors).toBeUndefined();
    const third = await send(associate);
    expect(third.errors).toBeUndefined();
    const fourth = await send(associate);
    expect(fourth.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const raw = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: associate.authorization! },
      body: JSON.stringify({
        query: print(RecordPurchaseDocument),
        variables: { input: purchaseInput(member.id, { storeId: 'berlin-1' }) },
      }),
    });
    expect(raw.status).toBe(429);
    const limited = (await raw.json()) as GraphQLResult<unknown>;
    expect(raw.headers.get('retry-after')).toBe(String(limited.errors?.[0]?.extensions?.retryAfterSeconds));
    // Another token from the same address has one mutation left before the address limit (5).
    const other = await graph.as({ role: 'associate', subject: 'calm@berlin-1', storeId: 'berlin-1' });
    expect((await send(other)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Reads are not rate limited.
    expect((await graph.anonymous.request(`{ earnRates { currency } }`)).errors).toBeUndefined();
  });

  // Another gateway in front of the same subgraphs, whose address limit stays out of the way: a
  // graph of its own for one test would cost seconds.
  it('counts four aliased purchases in one request as four, and refuses them all before any runs', async () => {
    const urls = Object.fromEntries(Object.values(graph.stack.subgraphs).map((s) => [s.name, s.url]));
    const gateway = await startGateway({
      supergraphSdl: readSupergraphSdl(),
      subgraphUrls: urls,
      auth: developmentAuthConfig(),
      logger: createLogger('silent'),
      rateLimits: { mutationsPerToken: 3, mutationsPerIp: 1000, windowMs: 60_000 },
    });
    try {
      const associate = await graph.as({ role: 'associate', subject: 'bulk@berlin-1', storeId: 'berlin-1' });
      const fields = [1, 2, 3, 4].map((n) => `p${n}: recordPurchase(input: $input${n}) { id }`).join(' ');
      const variables = Object.fromEntries(
        [1, 2, 3, 4].map((n) => [`input${n}`, purchaseInput(member.id, { storeId: 'berlin-1' })]),
      );
      const declarations = [1, 2, 3, 4].map((n) => `$input${n}: RecordPurchaseInput!`).join(', ');
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: associate.authorization! },
        body: JSON.stringify({ query: `mutation(${declarations}) { ${fields} }`, variables }),
      });
      const result = (await response.json()) as GraphQLResult<unknown>;
      expect(result.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      const orderIds = Object.values(variables).map((input) => input.externalOrderId);
      const { rows } = await graph.database.db.query('select 1 from ledger.orders where external_order_id = any($1)', [
        orderIds,
      ]);
      expect(rows).toHaveLength(0);
    } finally {
      await gateway.stop();
    }
  });
});
