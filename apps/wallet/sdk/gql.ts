/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query WalletHome($id: ID!) {\n  customer(id: $id) {\n    id\n    name\n    memberCard {\n      number\n      scanPayload\n    }\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      lastEventId\n      tier {\n        name\n        qualifyingPoints\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        windowMonths\n      }\n      expiring(first: 3) {\n        points\n        expiresAt\n      }\n      history(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            sourceType\n            points\n            reason\n            createdAt\n          }\n        }\n      }\n    }\n    rewards {\n      redeemable(first: 20, channel: \"MOBILE_APP\") {\n        affordable\n        pointsShort\n        reward {\n          id\n          name\n          description\n          costPoints\n        }\n      }\n    }\n    offers {\n      id\n      title\n      description\n      campaignId\n      liveNow\n      endsAt\n    }\n  }\n}\n\nsubscription WalletBalance($id: ID!, $after: ID) {\n  balanceUpdated(customerId: $id, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    occurredAt\n  }\n}\n\nmutation WalletRedeem($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    status\n    voucher {\n      code\n      expiresAt\n    }\n    reward {\n      name\n    }\n  }\n}": typeof types.WalletHomeDocument,
};
const documents: Documents = {
    "query WalletHome($id: ID!) {\n  customer(id: $id) {\n    id\n    name\n    memberCard {\n      number\n      scanPayload\n    }\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      lastEventId\n      tier {\n        name\n        qualifyingPoints\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        windowMonths\n      }\n      expiring(first: 3) {\n        points\n        expiresAt\n      }\n      history(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            sourceType\n            points\n            reason\n            createdAt\n          }\n        }\n      }\n    }\n    rewards {\n      redeemable(first: 20, channel: \"MOBILE_APP\") {\n        affordable\n        pointsShort\n        reward {\n          id\n          name\n          description\n          costPoints\n        }\n      }\n    }\n    offers {\n      id\n      title\n      description\n      campaignId\n      liveNow\n      endsAt\n    }\n  }\n}\n\nsubscription WalletBalance($id: ID!, $after: ID) {\n  balanceUpdated(customerId: $id, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    occurredAt\n  }\n}\n\nmutation WalletRedeem($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    status\n    voucher {\n      code\n      expiresAt\n    }\n    reward {\n      name\n    }\n  }\n}": types.WalletHomeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WalletHome($id: ID!) {\n  customer(id: $id) {\n    id\n    name\n    memberCard {\n      number\n      scanPayload\n    }\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      lastEventId\n      tier {\n        name\n        qualifyingPoints\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        windowMonths\n      }\n      expiring(first: 3) {\n        points\n        expiresAt\n      }\n      history(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            sourceType\n            points\n            reason\n            createdAt\n          }\n        }\n      }\n    }\n    rewards {\n      redeemable(first: 20, channel: \"MOBILE_APP\") {\n        affordable\n        pointsShort\n        reward {\n          id\n          name\n          description\n          costPoints\n        }\n      }\n    }\n    offers {\n      id\n      title\n      description\n      campaignId\n      liveNow\n      endsAt\n    }\n  }\n}\n\nsubscription WalletBalance($id: ID!, $after: ID) {\n  balanceUpdated(customerId: $id, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    occurredAt\n  }\n}\n\nmutation WalletRedeem($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    status\n    voucher {\n      code\n      expiresAt\n    }\n    reward {\n      name\n    }\n  }\n}"): typeof import('./graphql').WalletHomeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
