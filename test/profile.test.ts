import { EnrollCustomerDocument } from '../examples/sdk/graphql';
import { unique } from './support/fixtures';
import { startTestGraph, type TestGraph } from './support/testGraph';

const findByIdentifier = `query($type: IdentifierType!, $value: String!) {
  customerByIdentifier(type: $type, value: $value) { id name email phone enrollmentChannel enrollmentStoreId }
}`;

describe('enrolling and recognising members', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
  });
  afterAll(() => graph?.stop());

  const countCustomers = async () =>
    (await graph.database.db.query<{ n: number }>('select count(*)::int as n from profile.customers')).rows[0]!.n;

  it('enrolls at a till and finds the member again by the phone number as typed', async () => {
    const email = `${unique('ann')}@Example.com`;
    const { enrollCustomer } = await graph.admin.data(EnrollCustomerDocument, {
      input: {
        givenName: 'Ann',
        familyName: 'Smith',
        email: `  ${email} `,
        phone: '+49 (151) 2345-6789',
        channel: 'IN_STORE',
        storeId: 'berlin-1',
      },
    });
    expect(enrollCustomer).toMatchObject({
      name: 'Ann Smith',
      email: email.toLowerCase(),
      phone: '+4915123456789',
      enrollmentChannel: 'IN_STORE',
    });

    const byPhone = await graph.admin.data<
      { customerByIdentifier: { id: string; enrollmentStoreId: string } },
      unknown
    >(findByIdentifier, {
      type: 'PHONE',
      value: '0049 151 23456789',
    });
    expect(byPhone.customerByIdentifier).toMatchObject({ id: enrollCustomer.id, enrollmentStoreId: 'berlin-1' });
  });

  it('answers null for an identifier nobody owns', async () => {
    const result = await graph.admin.data<{ customerByIdentifier: null }, unknown>(findByIdentifier, {
      type: 'EMAIL',
      value: `${unique('nobody')}@example.com`,
    });
    expect(result.customerByIdentifier).toBeNull();
  });

  it('never creates a second profile for an email that is taken, whatever its case', async () => {
    const email = `${unique('bob')}@example.com`;
    await graph.admin.data(EnrollCustomerDocument, { input: { givenName: 'Bob', email, channel: 'ONLINE' } });
    const before = await countCustomers();
    const again = await graph.admin.request(EnrollCustomerDocument, {
      input: { givenName: 'Robert', email: email.toUpperCase(), channel: 'MOBILE_APP' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await countCustomers()).toBe(before);
  });

  it.each([
    ['no email and no phone', { givenName: 'Cy', channel: 'ONLINE' }, /email or a phone/],
    ['a malformed email', { givenName: 'Cy', email: 'cy-at-example.com', channel: 'ONLINE' }, /email/],
    ['a phone without country code', { givenName: 'Cy', phone: '0151 2345678', channel: 'ONLINE' }, /phone/],
    ['an empty name', { givenName: '', email: 'cy@example.com', channel: 'ONLINE' }, /givenName/],
    ['an unnamed channel', { givenName: 'Cy', email: 'cy@example.com', channel: 'web shop' }, /channel/],
  ])('refuses %s with BAD_USER_INPUT and creates nobody', async (_case, input, message) => {
    const before = await countCustomers();
    const result = await graph.admin.request(EnrollCustomerDocument, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await countCustomers()).toBe(before);
  });

  it('answers a malformed customer id with BAD_USER_INPUT, an unknown one with null', async () => {
    const malformed = await graph.admin.request(`{ customer(id: "42") { id } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await graph.admin.data<{ customer: null }, unknown>(
      `{ customer(id: "00000000-0000-4000-8000-000000000000") { id name } }`,
    );
    expect(unknown.customer).toBeNull();
  });

  it('writes a CustomerEnrolled event in the same transaction as the profile', async () => {
    const { enrollCustomer } = await graph.admin.data(EnrollCustomerDocument, {
      input: { givenName: 'Eve', email: `${unique('eve')}@example.com`, channel: 'MOBILE_APP' },
    });
    const { rows } = await graph.database.db.query<{ type: string; payload: unknown }>(
      'select type, payload from profile.events where aggregate_id = $1',
      [enrollCustomer.id],
    );
    expect(rows).toEqual([
      { type: 'CustomerEnrolled', payload: { customerId: enrollCustomer.id, channel: 'MOBILE_APP', storeId: null } },
    ]);
  });
});
