import {
  CustomerTimelineDocument,
  type CustomerTimelineQuery,
  DefineEventTypeDocument,
  TrackEventDocument,
  TrackEventsDocument,
  type TrackEventInput,
} from '../../examples/sdk/graphql';
import { CustomEventService } from '../../subgraphs/profile/events/customEvent.service';
import { EventPropertyKind } from '../../subgraphs/profile/events/eventType.rules';
import { defaultCustomEventPolicy } from '../../subgraphs/profile/profileSettings';
import { enrollMember, unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

const errorOf = (result: GraphQLResult<unknown>) => ({
  code: result.errors?.[0]?.extensions?.code ?? 'OK',
  field: result.errors?.[0]?.extensions?.field,
});
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('custom events: types marketers define, events tracked for customers, their timeline', () => {
  let graph: TestGraph;
  let marketer: GraphClient;
  let shop: GraphClient;

  const storedEvents = async (customerId: string) =>
    Number(
      (
        await graph.database.db.query<{ n: string }>(
          'select count(*) as n from profile.customer_events where customer_id = $1',
          [customerId],
        )
      ).rows[0]!.n,
    );
  const trackedOutbox = async (customerId: string) =>
    (
      await graph.database.db.query<{ payload: Record<string, unknown> }>(
        `select payload from profile.events where type = 'CustomerEventTracked' and aggregate_id = $1 order by id`,
        [customerId],
      )
    ).rows.map((row) => row.payload);
  const cart = (customerId: string, overrides: Partial<TrackEventInput> = {}): TrackEventInput => ({
    customerId,
    type: 'cart.updated',
    properties: { cartValue: { amount: 4999, currency: 'EUR' }, skus: ['TEA-1', 'MUG-2'], items: 2 },
    channel: 'ONLINE',
    idempotencyKey: unique('cart'),
    ...overrides,
  });

  beforeAll(async () => {
    graph = await startTestGraph({ customEvents: { batchMaxItems: 5, maxPayloadBytes: 512 } });
    marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    shop = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    await marketer.data(DefineEventTypeDocument, {
      input: {
        name: 'cart.updated',
        properties: [
          { name: 'cartValue', kind: 'MONEY', required: true },
          { name: 'skus', kind: 'SKU_LIST', required: true },
          { name: 'items', kind: 'NUMBER' },
          { name: 'gift', kind: 'BOOLEAN' },
        ],
      },
    });
    await marketer.data(DefineEventTypeDocument, {
      input: {
        name: 'review.submitted',
        membersMaySend: true,
        properties: [
          { name: 'rating', kind: 'NUMBER', required: true },
          { name: 'text', kind: 'STRING' },
        ],
      },
    });
  });
  afterAll(() => graph?.stop());

  it('lets marketers define types, versions a redefinition, and refuses a badly named type', async () => {
    const first = await marketer.data(DefineEventTypeDocument, {
      input: { name: 'page.viewed', properties: [{ name: 'path', kind: 'STRING', required: true }] },
    });
    expect(first.defineEventType).toMatchObject({ name: 'page.viewed', version: 1, membersMaySend: false });
    const again = await marketer.data(DefineEventTypeDocument, {
      input: { name: 'page.viewed', properties: [{ name: 'path', kind: 'STRING', required: true }] },
    });
    expect(again.defineEventType.version).toBe(1);
    const changed = await marketer.data(DefineEventTypeDocument, {
      input: {
        name: 'page.viewed',
        properties: [
          { name: 'path', kind: 'STRING', required: true },
          { name: 'referrer', kind: 'STRING' },
        ],
      },
    });
    expect(changed.defineEventType.version).toBe(2);
    const { eventTypes } = await shop.data<{ eventTypes: Array<{ name: string; version: number }> }, object>(
      '{ eventTypes { name version } }',
    );
    expect(eventTypes.map((type) => `${type.name}@${type.version}`)).toEqual([
      'cart.updated@1',
      'page.viewed@2',
      'review.submitted@1',
    ]);

    const badName = await marketer.request(DefineEventTypeDocument, {
      input: { name: 'Cart Updated', properties: [] },
    });
    expect(errorOf(badName)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    const twice = await marketer.request(DefineEventTypeDocument, {
      input: {
        name: 'twice.named',
        properties: [
          { name: 'a', kind: 'STRING' },
          { name: 'a', kind: 'NUMBER' },
        ],
      },
    });
    expect(errorOf(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'properties.1.name' });
    expect(errorOf(await shop.request(DefineEventTypeDocument, { input: { name: 'x.y', properties: [] } })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('tracks an event by id or by identifier, with its outbox event in the same transaction', async () => {
    const member = await enrollMember(graph, 'Tess');
    const byId = await shop.data(TrackEventDocument, { input: cart(member.id) });
    expect(byId.trackEvent).toMatchObject({
      type: 'cart.updated',
      typeVersion: 1,
      channel: 'ONLINE',
      customer: { id: member.id },
      properties: { cartValue: { amount: 4999, currency: 'EUR' }, skus: ['TEA-1', 'MUG-2'], items: 2 },
    });
    const byEmail = await shop.data(TrackEventDocument, {
      input: { ...cart(member.id), customerId: null, identifier: { type: 'EMAIL', value: member.email } },
    });
    expect(byEmail.trackEvent.customer.id).toBe(member.id);
    expect(await trackedOutbox(member.id)).toEqual([
      expect.objectContaining({ eventId: byId.trackEvent.id, type: 'cart.updated', typeVersion: 1, channel: 'ONLINE' }),
      expect.objectContaining({ eventId: byEmail.trackEvent.id }),
    ]);
    const nobody = await shop.request(TrackEventDocument, {
      input: { ...cart(member.id), customerId: null, identifier: { type: 'EMAIL', value: 'nobody@example.com' } },
    });
    expect(errorOf(nobody).code).toBe('NOT_FOUND');
  });

  it('checks and records the very next event against a redefined type, whichever profile process redefined it', async () => {
    const member = await enrollMember(graph, 'Wyn');
    // Another profile process on the same database: its definitions reach this one only through the database.
    const otherProcess = new CustomEventService(graph.database.db, defaultCustomEventPolicy);
    const define = (properties: Array<{ name: string; kind: EventPropertyKind; required: boolean }>) =>
      otherProcess.defineType({ name: 'wishlist.added', description: null, properties, membersMaySend: false }, null);
    const sku = { name: 'sku', kind: EventPropertyKind.STRING, required: true };
    const track = (properties: Record<string, unknown>) =>
      shop.request(TrackEventDocument, {
        input: { ...cart(member.id), type: 'wishlist.added', properties },
      });
    const versionOf = (answer: GraphQLResult<{ trackEvent: { typeVersion: number } }>) =>
      answer.data?.trackEvent.typeVersion ?? errorOf(answer);

    await marketer.data(DefineEventTypeDocument, {
      input: { name: 'wishlist.added', properties: [{ name: 'sku', kind: 'STRING', required: true }] },
    });
    // The second call takes the type from this process's memory.
    expect([versionOf(await track({ sku: 'A' })), versionOf(await track({ sku: 'B' }))]).toEqual([1, 1]);

    await define([sku, { name: 'list', kind: EventPropertyKind.STRING, required: true }]);
    // Accepted by the remembered version 1, refused by version 2: refused, nothing stored.
    expect(versionOf(await track({ sku: 'C' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'properties.list' });
    expect(await storedEvents(member.id)).toBe(2);
    // Refused by version 1 (an unknown property), accepted by version 2.
    expect(versionOf(await track({ sku: 'D', list: 'gifts' }))).toBe(2);

    await define([sku, { name: 'list', kind: EventPropertyKind.STRING, required: false }]);
    // Accepted by the remembered version 2 and by version 3: recorded under version 3.
    expect(versionOf(await track({ sku: 'E', list: 'gifts' }))).toBe(3);

    await marketer.data(DefineEventTypeDocument, {
      input: { name: 'wishlist.added', properties: [{ name: 'sku', kind: 'STRING', required: false }] },
    });
    expect(versionOf(await track({}))).toBe(4);
    expect((await trackedOutbox(member.id)).map((payload) => payload.typeVersion)).toEqual([1, 1, 2, 3, 4]);
  });

  it('refuses unknown types and properties, wrong kinds and oversize payloads, naming the property, storing nothing', async () => {
    const member = await enrollMember(graph, 'Val');
    const refusals: Array<[Partial<TrackEventInput>, string]> = [
      [{ type: 'cart.emptied' }, 'type'],
      [{ properties: { cartValue: { amount: 1, currency: 'EUR' }, skus: [], colour: 'red' } }, 'properties.colour'],
      [{ properties: { cartValue: { amount: 1, currency: 'EUR' }, skus: [], items: 'two' } }, 'properties.items'],
      [{ properties: { cartValue: { amount: 1.5, currency: 'EUR' }, skus: [] } }, 'properties.cartValue'],
      [{ properties: { cartValue: { amount: 1, currency: 'EUR' }, skus: [''] } }, 'properties.skus'],
      [{ properties: { cartValue: { amount: 1, currency: 'EUR' }, skus: [], gift: 'yes' } }, 'properties.gift'],
      [{ properties: { skus: ['TEA-1'] } }, 'properties.cartValue'],
      [{ properties: { cartValue: { amount: 1, currency: 'EUR' }, skus: Array(60).fill('SKU-0001') } }, 'properties'],
      [{ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'occurredAt'],
      [{ occurredAt: new Date(Date.now() - 31 * 86_400_000).toISOString() }, 'occurredAt'],
    ];
    for (const [overrides, field] of refusals) {
      const answer = await shop.request(TrackEventDocument, { input: cart(member.id, overrides) });
      expect({ field, error: errorOf(answer) }).toEqual({ field, error: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await storedEvents(member.id)).toBe(0);
    expect(await trackedOutbox(member.id)).toEqual([]);
  });

  it('answers a retry with the first event and a different event under the same key with CONFLICT', async () => {
    const member = await enrollMember(graph, 'Rhys');
    const input = cart(member.id, { occurredAt: minutesAgo(5) });
    const first = await shop.data(TrackEventDocument, { input });
    // The same properties written in another order are the same event.
    const reordered = {
      ...input,
      properties: { items: 2, skus: ['TEA-1', 'MUG-2'], cartValue: { currency: 'EUR', amount: 4999 } },
    };
    const retry = await shop.data(TrackEventDocument, { input: reordered });
    expect(retry.trackEvent.id).toBe(first.trackEvent.id);
    const other = await shop.request(TrackEventDocument, {
      input: { ...input, properties: { ...(input.properties as object), items: 3 } },
    });
    expect(errorOf(other)).toEqual({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await storedEvents(member.id)).toBe(1);
    expect(await trackedOutbox(member.id)).toHaveLength(1);
  });

  it('lets a member track only their own events of types members may send; staff by their channel', async () => {
    const ada = await enrollMember(graph, 'Ada');
    const bob = await enrollMember(graph, 'Bob');
    const asAda = await graph.as({ role: 'member', subject: ada.id });
    const review = (customerId: string) => ({
      customerId,
      type: 'review.submitted',
      properties: { rating: 5, text: 'Lovely tea' },
      channel: 'MOBILE_APP',
      idempotencyKey: unique('review'),
    });
    expect((await asAda.data(TrackEventDocument, { input: review(ada.id) })).trackEvent.type).toBe('review.submitted');
    expect(errorOf(await asAda.request(TrackEventDocument, { input: review(bob.id) })).code).toBe('FORBIDDEN');
    const notAllowed = await asAda.request(TrackEventDocument, { input: cart(ada.id, { channel: 'MOBILE_APP' }) });
    expect(errorOf(notAllowed)).toEqual({ code: 'FORBIDDEN', field: 'type' });

    expect(errorOf(await shop.request(TrackEventDocument, { input: cart(ada.id, { channel: 'IN_STORE' }) })).code).toBe(
      'FORBIDDEN',
    );
    const associate = await graph.as({ role: 'associate', subject: 'ana@london-1', storeId: 'london-1' });
    expect(
      (await associate.data(TrackEventDocument, { input: cart(ada.id, { channel: 'IN_STORE' }) })).trackEvent.channel,
    ).toBe('IN_STORE');
    expect(errorOf(await marketer.request(TrackEventDocument, { input: cart(ada.id) })).code).toBe('FORBIDDEN');
    expect(await storedEvents(ada.id)).toBe(2);
    expect(await storedEvents(bob.id)).toBe(0);
  });

  it('records a batch item by item, each success or coded error, and refuses a batch over the limit', async () => {
    const member = await enrollMember(graph, 'Bea');
    const good = cart(member.id);
    const inputs: TrackEventInput[] = [
      good,
      cart(member.id, { properties: { cartValue: { amount: 1, currency: 'EUR' }, skus: [], items: false } }),
      cart('00000000-0000-4000-8000-000000000000'),
      cart(member.id, { idempotencyKey: '' }),
      good,
    ];
    const { trackEvents } = await shop.data(TrackEventsDocument, { inputs });
    expect(trackEvents.map((item) => item.error?.code ?? 'OK')).toEqual([
      'OK',
      'BAD_USER_INPUT',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'OK',
    ]);
    expect(trackEvents[1]!.error!.field).toBe('properties.items');
    expect(trackEvents[3]!.error!.field).toBe('idempotencyKey');
    expect(trackEvents[4]!.event!.id).toBe(trackEvents[0]!.event!.id);
    expect(await storedEvents(member.id)).toBe(1);

    const tooMany = await shop.request(TrackEventsDocument, {
      inputs: Array.from({ length: 6 }, () => cart(member.id)),
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'inputs', maxItems: 5 });
    expect(await storedEvents(member.id)).toBe(1);
  });

  it('finds the customers of a batch by their identifiers, each item its own owner or error', async () => {
    const [ann, bob] = await Promise.all([enrollMember(graph, 'Ann'), enrollMember(graph, 'Bob')]);
    const byEmail = (email: string) => ({
      ...cart(ann.id),
      customerId: null,
      identifier: { type: 'EMAIL', value: email },
    });
    const { trackEvents } = await shop.data(TrackEventsDocument, {
      inputs: [
        byEmail(ann.email),
        byEmail(bob.email),
        byEmail(ann.email.toUpperCase()),
        byEmail('nobody@example.com'),
        byEmail('not an email'),
      ] as TrackEventInput[],
    });
    expect(trackEvents.map((item) => item.error?.code ?? 'OK')).toEqual([
      'OK',
      'OK',
      'OK',
      'NOT_FOUND',
      'BAD_USER_INPUT',
    ]);
    expect([await storedEvents(ann.id), await storedEvents(bob.id)]).toEqual([2, 1]);
  });

  it('answers a batch with a retry, conflicts and bad items exactly as the same events sent one by one', async () => {
    const at = (minutes: number) => minutesAgo(minutes);
    const times = { pre: at(30), a: at(20), b: at(15), d: at(10), late: at(60 * 24 * 400) };
    /** One copy of the same story: its members, an event from before, a profile merged since. */
    const world = async (prefix: string) => {
      const [m1, m2, old] = await Promise.all([
        enrollMember(graph, 'Eli'),
        enrollMember(graph, 'Eve'),
        enrollMember(graph, 'Ely'),
      ]);
      await shop.data(TrackEventDocument, {
        input: cart(m1.id, { idempotencyKey: `${prefix}-pre`, occurredAt: times.pre }),
      });
      await graph.admin.data(
        `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
        { s: m1.id, m: old.id },
      );
      const key = (name: string) => `${prefix}-${name}`;
      const reordered = { items: 2, skus: ['TEA-1', 'MUG-2'], cartValue: { currency: 'EUR', amount: 4999 } };
      const items: TrackEventInput[][] = [
        [
          cart(m1.id, { idempotencyKey: key('a'), occurredAt: times.a }),
          cart(m1.id, { idempotencyKey: key('a'), occurredAt: times.a, properties: reordered }), // a retry
          cart(m1.id, { idempotencyKey: key('a'), occurredAt: times.a, properties: { ...reordered, items: 3 } }),
          cart(m2.id, { idempotencyKey: key('b'), properties: { ...reordered, items: false } }), // bad
          cart(m2.id, { idempotencyKey: key('b'), occurredAt: times.b }), // the bad item's key, free
        ],
        [
          cart(m1.id, { idempotencyKey: key('pre'), occurredAt: times.pre }), // a retry of an earlier call
          cart(m2.id, { idempotencyKey: key('pre'), occurredAt: times.pre }), // its key, another member
          cart('00000000-0000-4000-8000-000000000000', { idempotencyKey: key('c') }),
          cart(old.id, { idempotencyKey: key('d'), occurredAt: times.d }), // a merged id: its survivor
          {
            ...cart(m1.id, { idempotencyKey: key('d'), occurredAt: times.d }),
            customerId: null,
            identifier: { type: 'EMAIL', value: m1.email },
          },
        ],
        [
          cart(m2.id, { idempotencyKey: key('e'), type: 'no.such.type' }),
          cart(m2.id, { idempotencyKey: key('e'), occurredAt: times.b }),
          cart(m2.id, { idempotencyKey: key('a'), occurredAt: times.a }), // another member's key
          { ...cart(m2.id, { idempotencyKey: key('f') }), identifier: { type: 'EMAIL', value: m2.email } },
          cart(m2.id, { idempotencyKey: key('g'), occurredAt: times.late }), // too late
        ],
      ];
      const names = new Map([
        [m1.id, 'm1'],
        [m2.id, 'm2'],
        [old.id, 'old'],
      ]);
      return { prefix, items, names, members: [m1.id, m2.id, old.id] };
    };
    const [one, many] = await Promise.all([world('one-by-one'), world('batched')]);

    type Answer =
      | { event: { id: string; customer: { id: string } } & Record<string, unknown> }
      | { code: unknown; field: unknown; message: string };
    const eventFields = 'id type typeVersion properties occurredAt channel customer { id }';
    const single: Answer[] = [];
    for (const input of one.items.flat()) {
      const result = await shop.request<{ trackEvent: Answer & { id: string; customer: { id: string } } }, object>(
        `mutation($input: TrackEventInput!) { trackEvent(input: $input) { ${eventFields} } }`,
        { input },
      );
      const error = result.errors?.[0];
      single.push(
        error
          ? {
              code: error.extensions?.code,
              field: error.extensions?.field ?? error.extensions?.argument ?? null,
              message: error.message,
            }
          : { event: result.data!.trackEvent as never },
      );
    }
    const batched: Answer[] = [];
    for (const inputs of many.items) {
      const { trackEvents } = await shop.data<
        { trackEvents: Array<{ event: never; error: { code: string; field: string | null; message: string } | null }> },
        object
      >(
        `mutation($inputs: [TrackEventInput!]!) { trackEvents(inputs: $inputs) { index event { ${eventFields} } error { code message field } } }`,
        {
          inputs,
        },
      );
      batched.push(...trackEvents.map((item) => (item.error ? item.error : { event: item.event })));
    }

    /** The world's rows and outbox events, and its answers, with its ids and key prefix named alike. */
    const seen = async (story: typeof one, answers: Answer[]) => {
      const rows = (
        await graph.database.db.query<
          { id: string; customer_id: string; idempotency_key: string } & Record<string, unknown>
        >(
          `select id, customer_id, type, type_version, properties, occurred_at, channel, idempotency_key, fingerprint
             from profile.customer_events where customer_id = any($1::uuid[]) order by idempotency_key`,
          [story.members],
        )
      ).rows;
      const keyOf = new Map(rows.map((row) => [row.id, row.idempotency_key.replace(story.prefix, 'key')]));
      const name = (text: string) =>
        [...story.names].reduce((out, [id, label]) => out.replaceAll(id, label), text.replaceAll(story.prefix, 'key'));
      const named = (value: unknown) => JSON.parse(name(JSON.stringify(value))) as unknown;
      const outbox = (
        await graph.database.db.query<{ payload: { eventId: string } }>(
          `select payload from profile.events where type = 'CustomerEventTracked' and aggregate_id = any($1) order by id`,
          [story.members],
        )
      ).rows.map(({ payload }) => named({ ...payload, eventId: keyOf.get(payload.eventId) }));
      return {
        rows: rows.map((row) => named({ ...row, id: keyOf.get(row.id) })),
        outbox,
        answers: answers.map((answer) =>
          'event' in answer ? named({ ...answer.event, id: keyOf.get(answer.event.id) }) : named(answer),
        ),
      };
    };
    const batchedSeen = await seen(many, batched);
    expect(batchedSeen).toEqual(await seen(one, single));
    expect(batchedSeen.answers.map((answer) => (answer as { code?: string }).code ?? 'OK')).toEqual([
      'OK',
      'OK',
      'CONFLICT',
      'BAD_USER_INPUT',
      'OK',
      'OK',
      'CONFLICT',
      'NOT_FOUND',
      'OK',
      'OK',
      'BAD_USER_INPUT',
      'OK',
      'CONFLICT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect(batchedSeen.rows).toHaveLength(5); // pre, a, b, d, e
  });

  it('pages the timeline newest first, filters by type, for the member and staff only', async () => {
    const member = await enrollMember(graph, 'Tim');
    const other = await enrollMember(graph, 'Oli');
    const asMember = await graph.as({ role: 'member', subject: member.id });
    const inputs: TrackEventInput[] = [50, 40, 30, 20, 10].map((minutes, index) =>
      index % 2 === 0
        ? cart(member.id, { occurredAt: minutesAgo(minutes) })
        : {
            customerId: member.id,
            type: 'review.submitted',
            properties: { rating: index },
            channel: 'ONLINE',
            idempotencyKey: unique('review'),
            occurredAt: minutesAgo(minutes),
          },
    );
    const { trackEvents } = await shop.data(TrackEventsDocument, { inputs });
    const ids = trackEvents.map((item) => item.event!.id);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const answer: CustomerTimelineQuery = await asMember.data(CustomerTimelineDocument, {
        id: member.id,
        first: 2,
        after,
      });
      const customer = answer.customer;
      seen.push(...customer!.timeline.edges.map((edge) => edge.node.id));
      expect(customer!.timeline.pageInfo.hasNextPage).toBe(page < 2);
      after = customer!.timeline.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual([...ids].reverse());

    const associate = await graph.as({ role: 'associate', subject: 'ana@london-1', storeId: 'london-1' });
    const reviews = await associate.data(CustomerTimelineDocument, { id: member.id, types: ['review.submitted'] });
    expect(reviews.customer!.timeline.edges.map((edge) => edge.node.id)).toEqual([ids[3], ids[1]]);
    const both = await associate.data(CustomerTimelineDocument, {
      id: member.id,
      first: 3,
      after: reviews.customer!.timeline.edges[0]!.cursor,
      types: ['cart.updated', 'review.submitted'],
    });
    expect(both.customer!.timeline.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(both.customer!.timeline.pageInfo.hasNextPage).toBe(false);

    const asOther = await graph.as({ role: 'member', subject: other.id });
    expect(errorOf(await asOther.request(CustomerTimelineDocument, { id: member.id })).code).toBe('FORBIDDEN');
    const badCursor = await asMember.request(CustomerTimelineDocument, { id: member.id, after: 'nonsense' });
    expect(errorOf(badCursor).code).toBe('BAD_USER_INPUT');
  });

  it("answers a merged profile's events under the survivor, and erasure removes their properties", async () => {
    const survivor = await enrollMember(graph, 'Sam');
    const merged = await enrollMember(graph, 'Sammy');
    const before = await shop.data(TrackEventDocument, { input: cart(merged.id, { occurredAt: minutesAgo(3) }) });
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    const after = await shop.data(TrackEventDocument, { input: cart(merged.id) });
    expect(after.trackEvent.customer.id).toBe(survivor.id);
    // Its outbox event is the survivor's too, as the event row is.
    expect((await trackedOutbox(survivor.id)).map((payload) => [payload.eventId, payload.customerId])).toEqual([
      [after.trackEvent.id, survivor.id],
    ]);
    const timeline = await graph.admin.data(CustomerTimelineDocument, { id: merged.id });
    expect(timeline.customer!.id).toBe(survivor.id);
    expect(timeline.customer!.timeline.edges.map((edge) => edge.node.id)).toEqual([
      after.trackEvent.id,
      before.trackEvent.id,
    ]);

    const exported = await graph.admin.data<{ exportProfile: { customEvents: Array<{ type: string }> } }, object>(
      `query($id: ID!) { exportProfile(customerId: $id) }`,
      { id: survivor.id },
    );
    expect(exported.exportProfile.customEvents.map((event) => event.type)).toEqual(['cart.updated', 'cart.updated']);
    await graph.admin.data(
      `mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "member asked") { customerId } }`,
      {
        id: survivor.id,
      },
    );
    const erased = await graph.admin.data(CustomerTimelineDocument, { id: survivor.id });
    const erasedEvents = erased.customer!.timeline.edges.flatMap(({ node }) =>
      node.__typename === 'CustomerEvent' ? [[node.type, node.properties]] : [],
    );
    expect(erasedEvents).toEqual([
      ['cart.updated', null],
      ['cart.updated', null],
    ]);
    const outbox = [...(await trackedOutbox(merged.id)), ...(await trackedOutbox(survivor.id))];
    expect(outbox.map((payload) => payload.properties)).toEqual([{}, {}]);
    expect(errorOf(await shop.request(TrackEventDocument, { input: cart(survivor.id) })).code).toBe('NOT_FOUND');
  });
});
