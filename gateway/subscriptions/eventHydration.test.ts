import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, parse, type ExecutionResult } from 'graphql';
import { createLogger } from '../../runtime/logging/logger';
import { readSupergraphSdl } from '../composition/generateSchemaFiles';
import type { GatewayContext } from '../gatewayContext';
import { createEventHydrator } from './eventHydration';
import { FederatedSchema } from './federatedSchema';
import { isPlan, planSubscription } from './subscriptionPlan';

/**
 * An upstream event resolved into the client's selection: the ledger's event, and the customer's
 * name from a profile data source that each test scripts (an in-memory stand-in for the gateway's
 * HTTP data source, answering `_entities` as a subgraph does).
 */
const schema = new FederatedSchema(readSupergraphSdl());
const customerId = '00000000-0000-4000-8000-000000000001';
const context = (token: string): GatewayContext => ({
  principal: { role: 'member', subject: customerId },
  authorization: token,
  ip: '127.0.0.1',
});
const selection = 'subscription($id: ID!) { balanceUpdated(customerId: $id) { balance customer { name } } }';
const ledgerEvent = (balance: number) => ({
  data: { balanceUpdated: { balance, customer: { __typename: 'Customer', id: customerId } } },
});
const unavailable = (serviceName: string) =>
  new GraphQLError(`The ${serviceName} service did not answer`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName },
  });

type Answer = () => Promise<GatewayGraphQLResponse>;

function setUp(answers: Answer[] = []) {
  const calls: Array<{ authorization: unknown; representations: unknown }> = [];
  const name = (): Promise<GatewayGraphQLResponse> =>
    Promise.resolve({ data: { _entities: [{ __typename: 'Customer', name: 'Grace Hopper' }] } });
  const profile: GraphQLDataSource = {
    process(options) {
      calls.push({
        authorization: (options.context as Partial<GatewayContext>).authorization,
        representations: options.request.variables?.representations,
      });
      return (answers[calls.length - 1] ?? name)();
    },
  };
  const plan = planSubscription(schema, {
    document: parse(selection),
    variables: { id: customerId },
    context: context('Bearer first'),
  });
  if (!isPlan(plan)) throw new Error('not planned');
  const hydrate = createEventHydrator({
    schema,
    plan,
    serviceMap: () => ({ profile }),
    logger: createLogger('error'),
    retries: { attempts: 3, baseMs: 1 },
  });
  return { hydrate, calls };
}

describe('resolving a subscription event through the gateway', () => {
  it('fetches the fields another subgraph owns, with the token of the client it is resolved for', async () => {
    const { hydrate, calls } = setUp();
    const result = await hydrate(ledgerEvent(25), context('Bearer longest'));
    expect(result).toEqual({ data: { balanceUpdated: { balance: 25, customer: { name: 'Grace Hopper' } } } });
    expect(calls).toEqual([
      { authorization: 'Bearer longest', representations: [{ __typename: 'Customer', id: customerId }] },
    ]);
  });

  it('passes an event of errors on as GraphQL errors, fetching nothing', async () => {
    const { hydrate, calls } = setUp();
    // As it arrives over the socket: JSON, not a GraphQLError.
    const received = { message: 'No customer has the id', path: ['balanceUpdated'], extensions: { code: 'NOT_FOUND' } };
    const result = await hydrate({ errors: [received] } as unknown as ExecutionResult, context('Bearer first'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toBeInstanceOf(GraphQLError);
    expect(result.errors![0]).toMatchObject({ message: 'No customer has the id', extensions: { code: 'NOT_FOUND' } });
    expect((await hydrate({}, context('Bearer first'))).errors![0]!.message).toBe('The subgraph sent an empty event');
    expect(calls).toHaveLength(0);
  });

  it('resolves an event again while another service it needs is briefly away, instead of sending null', async () => {
    const { hydrate, calls } = setUp([
      () => Promise.reject(unavailable('profile')),
      () => Promise.reject(unavailable('profile')),
    ]);
    const result = await hydrate(ledgerEvent(25), context('Bearer first'));
    expect(result).toEqual({ data: { balanceUpdated: { balance: 25, customer: { name: 'Grace Hopper' } } } });
    expect(calls).toHaveLength(3);
  });

  it('gives up after its retries, and sends the event with the error', async () => {
    const away = () => Promise.reject(unavailable('profile'));
    const { hydrate, calls } = setUp([away, away, away, away, away]);
    const result = await hydrate(ledgerEvent(25), context('Bearer first'));
    // `balanceUpdated` is non-null: the lost customer takes the whole event with it.
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'profile' });
    expect(calls).toHaveLength(4);
  });

  it('does not retry for an error that is no outage, nor for the event’s own service', async () => {
    const forbidden = () => Promise.reject(new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } }));
    const refused = setUp([forbidden]);
    expect((await refused.hydrate(ledgerEvent(25), context('Bearer first'))).data).toBeNull();
    expect(refused.calls).toHaveLength(1);

    const ledgerAway = setUp([() => Promise.reject(unavailable('ledger'))]);
    await ledgerAway.hydrate(ledgerEvent(25), context('Bearer first'));
    expect(ledgerAway.calls).toHaveLength(1);
  });
});
