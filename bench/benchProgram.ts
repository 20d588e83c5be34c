import { graphqlRequest } from '../runtime/http/graphqlRequest';

/** The program the loaded history was earned under, and a catalog to show as available rewards. */
export async function setUpProgram(gatewayUrl: string, authorization: string): Promise<void> {
  const call = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(gatewayUrl, query, variables, { headers: { authorization } });
  await call(`mutation { setEarnRate(input: { currency: "EUR", points: 1, perAmount: 100 }) { currency } }`);
  for (const [name, cost] of [
    ['Coffee', 150],
    ['Tote bag', 400],
    ['€5 voucher', 500],
  ] as const) {
    await call(
      `mutation($name: String!, $cost: Int!) { createReward(input: { name: $name, kind: FREE_PRODUCT, costPoints: $cost }) { id } }`,
      { name, cost },
    );
  }
}
