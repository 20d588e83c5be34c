import { parse, type ExecutionResult } from 'graphql';
import { readSupergraphSdl } from '../composition/generateSchemaFiles';
import type { GatewayContext } from '../gatewayContext';
import { FederatedSchema } from './federatedSchema';
import { isPlan, planSubscription, type SubscriptionPlan } from './subscriptionPlan';

/** What a client's subscription maps to, before anything is opened upstream. */
const schema = new FederatedSchema(readSupergraphSdl());
const customerId = '00000000-0000-4000-8000-000000000001';
const member = (subject = customerId): GatewayContext => ({
  principal: { role: 'member', subject },
  authorization: `Bearer ${subject}`,
  ip: '127.0.0.1',
});

function plan(source: string, variables: Record<string, unknown> = { id: customerId }, context = member()) {
  return planSubscription(schema, { document: parse(source), variables, context });
}

function planned(...args: Parameters<typeof plan>): SubscriptionPlan {
  const result = plan(...args);
  if (!isPlan(result)) throw new Error(`not planned: ${JSON.stringify(result.errors)}`);
  return result;
}

const refusal = (result: SubscriptionPlan | ExecutionResult) => {
  expect(isPlan(result)).toBe(false);
  return (result as ExecutionResult).errors?.map((error) => error.extensions?.code);
};

const balance = 'subscription($id: ID!) { balanceUpdated(customerId: $id) { balance } }';

describe('planning a client subscription', () => {
  it('refuses an operation that is not a subscription', () => {
    expect(refusal(plan('query { __typename }', {}))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses variables that do not fit their types, each one, before planning', () => {
    expect(refusal(plan(balance, {}))).toEqual(['BAD_USER_INPUT']);
    const two = 'subscription($id: ID!, $after: ID) { balanceUpdated(customerId: $id, after: $after) { balance } }';
    expect(refusal(plan(two, { id: { not: 'an id' }, after: [1, 2] }))).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('opens the root field on the subgraph that owns it, with only the variables that fetch uses', () => {
    const result = planned('subscription($id: ID!, $unused: String) { rewardIssued(customerId: $id) { voucherId } }', {
      id: customerId,
      unused: 'x',
    });
    expect(result.primary.serviceName).toBe('rewards');
    expect(result.upstreamRequest.variables).toEqual({ id: customerId });
    expect(result.upstreamRequest.query).toContain('rewardIssued(customerId:$id)');
    expect(planned(balance).primary.serviceName).toBe('ledger');
  });

  it('resolves fields other subgraphs own after the primary fetch, and nothing more for a one-subgraph selection', () => {
    const alone = planned(balance);
    expect(alone.hydrationPlan.node).toBe(alone.primary);
    const across = planned('subscription($id: ID!) { balanceUpdated(customerId: $id) { balance customer { name } } }');
    expect(across.hydrationPlan.node).toMatchObject({ kind: 'Sequence', nodes: [across.primary, expect.anything()] });
    expect(JSON.stringify(across.hydrationPlan)).toContain('"serviceName":"profile"');
  });

  it('shares one key between clients of one identity asking the same thing, whatever the order of their variables', () => {
    const source = 'subscription($id: ID!, $after: ID) { balanceUpdated(customerId: $id, after: $after) { balance } }';
    const first = planned(source, { id: customerId, after: null });
    const second = planned(source, { after: null, id: customerId });
    expect(first.shareKey).toBeDefined();
    expect(second.shareKey).toBe(first.shareKey);
    expect(first.principalKey).toBe(second.principalKey);
  });

  it('keys other identities and other variables apart', () => {
    const other = '00000000-0000-4000-8000-000000000002';
    const keys = new Set([
      planned(balance).shareKey,
      planned(balance, { id: customerId }, member(other)).shareKey,
      planned(balance, { id: other }).shareKey,
      planned(balance, { id: customerId }, { ...member(), principal: { role: 'admin', subject: customerId } }).shareKey,
    ]);
    expect(keys.size).toBe(4);
  });

  it('shares nothing for a subscription that replays from a cursor, given as a variable or inline', () => {
    const source = 'subscription($id: ID!, $after: ID) { balanceUpdated(customerId: $id, after: $after) { balance } }';
    expect(planned(source, { id: customerId, after: '5' }).shareKey).toBeUndefined();
    expect(
      planned('subscription($id: ID!) { balanceUpdated(customerId: $id, after: "5") { balance } }').shareKey,
    ).toBeUndefined();
    expect(
      planned('subscription($id: ID!) { balanceUpdated(customerId: $id, after: null) { balance } }').shareKey,
    ).toBeDefined();
  });
});
