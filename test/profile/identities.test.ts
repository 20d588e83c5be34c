import { InternalCredential } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import type { Queryable } from '../../runtime/database/database';
import { unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
const enrollMutation = `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`;
const findQuery = `query($type: IdentifierType!, $value: String!) { customerByIdentifier(type: $type, value: $value) { id name } }`;
const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';

/** A UK mobile number in the range Ofcom keeps for drama (07700 900000 to 900999), unique per call. */
let next = 100;
const ukMobile = () => `07700 900${String(next++).padStart(3, '0')}`;

describe('one profile, recognised on every channel', () => {
  let graph: TestGraph;
  let till: GraphClient;
  let web: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({ phoneRegion: 'GB' });
    till = await graph.as({ role: 'associate', subject: 'ana@london-1', storeId: 'london-1' });
    web = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
  });
  afterAll(() => graph?.stop());

  it('recognises at the till, by phone typed another way, the person who enrolled online', async () => {
    const phone = ukMobile();
    const email = `${unique('ann')}@Example.com`;
    const { enrollCustomer } = await web.data<{ enrollCustomer: { id: string } }, Vars>(enrollMutation, {
      input: {
        givenName: 'Ann',
        email: `  ${email.toUpperCase()} `,
        phone: `+44 ${phone.slice(1)}`,
        channel: 'ONLINE',
        ecommerceCustomerId: unique('shop'),
      },
    });
    const byNationalPhone = await till.data<{ customerByIdentifier: { id: string } }, Vars>(findQuery, {
      type: 'PHONE',
      value: phone,
    });
    expect(byNationalPhone.customerByIdentifier.id).toBe(enrollCustomer.id);
    const byEmail = await till.data<{ customerByIdentifier: { id: string } }, Vars>(findQuery, {
      type: 'EMAIL',
      value: email.toLowerCase(),
    });
    expect(byEmail.customerByIdentifier.id).toBe(enrollCustomer.id);
    // Enrolling the same phone again, written differently, is a conflict, never a second profile.
    const again = await till.request(enrollMutation, {
      input: { givenName: 'Ann', phone: phone.replace(/ /g, '-'), channel: 'IN_STORE' },
    });
    expect(code(again)).toBe('CONFLICT');
    const bad = await till.request(findQuery, { type: 'MEMBER_CARD', value: '1234 5678 9012 3456' });
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });

  it('gives every member a card whose scan code the till reads, and a rotated card retires the old code', async () => {
    const { enrollCustomer } = await till.data<{ enrollCustomer: { id: string } }, Vars>(enrollMutation, {
      input: { givenName: 'Bo', phone: ukMobile(), channel: 'IN_STORE' },
    });
    const member = await graph.as({ role: 'member', subject: enrollCustomer.id });
    const cardQuery = `query($id: ID!) { customer(id: $id) { memberCard { number scanPayload } } }`;
    const mine = await member.data<{ customer: { memberCard: { number: string; scanPayload: string } } }, Vars>(
      cardQuery,
      {
        id: enrollCustomer.id,
      },
    );
    const card = mine.customer.memberCard;
    expect(card.number).toMatch(/^9\d{15}$/);
    const scanned = await till.data<{ customerByIdentifier: { id: string } }, Vars>(findQuery, {
      type: 'MEMBER_CARD',
      value: card.scanPayload,
    });
    expect(scanned.customerByIdentifier.id).toBe(enrollCustomer.id);
    const staffView = await till.data<{ customer: { memberCard: { number: string } } }, Vars>(cardQuery, {
      id: enrollCustomer.id,
    });
    expect(staffView.customer.memberCard.number).toBe(`•••• ${card.number.slice(-4)}`);

    await member.data(`mutation($id: ID!) { rotateMemberCard(customerId: $id) { id } }`, { id: enrollCustomer.id });
    const old = await till.data<{ customerByIdentifier: unknown }, Vars>(findQuery, {
      type: 'MEMBER_CARD',
      value: card.scanPayload,
    });
    expect(old.customerByIdentifier).toBeNull();
    const fresh = await member.data<{ customer: { memberCard: { scanPayload: string } } }, Vars>(cardQuery, {
      id: enrollCustomer.id,
    });
    expect(fresh.customer.memberCard.scanPayload).not.toBe(card.scanPayload);
  });

  it('keeps preferences, birthday, free-form attributes and consent with its history', async () => {
    const { enrollCustomer } = await web.data<{ enrollCustomer: { id: string } }, Vars>(enrollMutation, {
      input: { givenName: 'Cy', email: `${unique('cy')}@example.com`, channel: 'ONLINE', birthday: '1990-05-17' },
    });
    const id = enrollCustomer.id;
    const member = await graph.as({ role: 'member', subject: id });
    await member.data(
      `mutation($id: ID!, $input: UpdateProfileInput!) { updateProfile(customerId: $id, input: $input) { id } }`,
      {
        id,
        input: {
          language: 'en-GB',
          preferredChannel: 'PUSH',
          attributes: { shoeSize: 42, favourite: { store: 'london-1' }, drop: 1 },
        },
      },
    );
    await member.data(
      `mutation($id: ID!, $input: UpdateProfileInput!) { updateProfile(customerId: $id, input: $input) { id } }`,
      {
        id,
        input: { attributes: { drop: null, newsletter: 'weekly' } },
      },
    );
    await member.data(
      `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`,
      {
        id,
        input: { channel: 'EMAIL', granted: true, source: 'signup-form' },
      },
    );
    await till.data(
      `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`,
      {
        id,
        input: { channel: 'EMAIL', granted: false, source: 'till' },
      },
    );
    const { customer } = await member.data<{ customer: Vars }, Vars>(
      `query($id: ID!) { customer(id: $id) { birthday language preferredChannel attributes consents { channel granted source } } }`,
      { id },
    );
    expect(customer).toEqual({
      birthday: '1990-05-17',
      language: 'en-GB',
      preferredChannel: 'PUSH',
      attributes: { shoeSize: 42, favourite: { store: 'london-1' }, newsletter: 'weekly' },
      consents: [{ channel: 'EMAIL', granted: false, source: 'till' }],
    });
    const { rows } = await graph.database.db.query<{ n: number }>(
      'select count(*)::int as n from profile.consents where customer_id = $1',
      [id],
    );
    expect(rows[0]!.n).toBe(2);
    const other = await graph.as({ role: 'member', subject: '00000000-0000-4000-8000-000000000001' });
    const refused = await other.request(
      `mutation($id: ID!) { updateProfile(customerId: $id, input: { language: "fr" }) { id } }`,
      { id },
    );
    expect(code(refused)).toBe('FORBIDDEN');
    const badDate = await member.request(
      `mutation($id: ID!) { updateProfile(customerId: $id, input: { birthday: "1990-13-45" }) { id } }`,
      { id },
    );
    expect(code(badDate)).toBe('BAD_USER_INPUT');
  });

  it('tells the rewards job whose birthday it is, 29 February counting on 28 February in other years', async () => {
    const { enrollCustomer } = await web.data<{ enrollCustomer: { id: string } }, Vars>(enrollMutation, {
      input: { givenName: 'Leap', email: `${unique('leap')}@example.com`, channel: 'ONLINE', birthday: '2000-02-29' },
    });
    const credential = new InternalCredential('rewards', developmentAuthConfig().internalSecret);
    const ask = async (day: number, leapYear: boolean) => {
      const response = await fetch(graph.stack.subgraphs.profile.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
        body: JSON.stringify({
          query: `query($day: Int!, $leap: Boolean!) { customersWithBirthday(month: 2, day: $day, leapYear: $leap, first: 1000) }`,
          variables: { day, leap: leapYear },
        }),
      });
      return ((await response.json()) as { data: { customersWithBirthday: string[] } }).data.customersWithBirthday;
    };
    expect(await ask(28, false)).toContain(enrollCustomer.id);
    expect(await ask(28, true)).not.toContain(enrollCustomer.id);
    expect(await ask(29, true)).toContain(enrollCustomer.id);
    const member = await graph.as({ role: 'member', subject: enrollCustomer.id });
    const refused = await member.request(`{ customersWithBirthday(month: 2, day: 28, leapYear: false, first: 10) }`);
    expect(code(refused)).toBe('FORBIDDEN');
  });

  it('resolves a batched entity fetch of 100 customers with one SQL query', async () => {
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const enrolled = await Promise.all(
        Array.from({ length: 10 }, () =>
          web.data<{ enrollCustomer: { id: string } }, Vars>(enrollMutation, {
            input: { givenName: 'Many', email: `${unique('many')}@example.com`, channel: 'ONLINE' },
          }),
        ),
      );
      ids.push(...enrolled.map((result) => result.enrollCustomer.id));
    }
    const db = graph.database.db as Queryable;
    const statements: string[] = [];
    const query = db.query.bind(db);
    db.query = ((sql: string, params?: unknown[]) => {
      if (sql.includes('profile.customers')) statements.push(sql);
      return query(sql, params as never);
    }) as Queryable['query'];
    try {
      const credential = new InternalCredential('ledger', developmentAuthConfig().internalSecret);
      const response = await fetch(graph.stack.subgraphs.profile.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
        body: JSON.stringify({
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id name identities { type } consents { channel } } } }`,
          variables: { r: ids.map((id) => ({ __typename: 'Customer', id })) },
        }),
      });
      const body = (await response.json()) as { data: { _entities: Array<{ id: string }> } };
      expect(body.data._entities.map((entity) => entity.id)).toEqual(ids);
    } finally {
      db.query = query;
    }
    expect(statements).toHaveLength(1);
  });
});
