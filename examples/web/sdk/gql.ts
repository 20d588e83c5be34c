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
    "query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    purchases\n    netSpend\n    averageOrderValue\n    purchaseFrequency\n    multiChannelShare\n    multiChannelAverageSpend\n    singleChannelAverageSpend\n    pointsIssued\n    pointsRedeemed\n    pointsExpired\n    pointsOutstanding\n    redemptionRate\n    churnBase\n    churnRate\n    byChannel {\n      key\n      activeMembers\n      purchases\n      netSpend\n      averageOrderValue\n    }\n    lastEventId\n  }\n  npsScore(from: $from, to: $to) {\n    score\n    responses\n  }\n}\n\nmutation DashboardRefresh {\n  refreshProgramMetrics {\n    events\n    lastEventId\n  }\n}": typeof types.DashboardPeriodDocument,
    "query PosFind($type: IdentifierType!, $value: String!) {\n  customerByIdentifier(type: $type, value: $value) {\n    id\n    name\n    loyalty {\n      balance\n      tier {\n        name\n      }\n    }\n  }\n}\n\nmutation PosPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    pointsEarned\n    balanceAfter\n  }\n}\n\nmutation PosConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    status\n    reward {\n      name\n    }\n  }\n}": typeof types.PosFindDocument,
    "query Wallet($id: ID!) {\n  customer(id: $id) {\n    name\n    loyalty {\n      balance\n      pending\n      lastEventId\n      tier {\n        name\n      }\n      nextTier {\n        name\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        windowMonths\n      }\n      expiring(first: 3) {\n        points\n        expiresAt\n      }\n      history(first: 10) {\n        edges {\n          node {\n            points\n            reason\n            createdAt\n          }\n        }\n      }\n    }\n    rewards {\n      available(first: 5) {\n        id\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}\n\nsubscription WalletBalance($id: ID!, $after: ID) {\n  balanceUpdated(customerId: $id, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    occurredAt\n  }\n}\n\nmutation WalletRedeem($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    status\n    voucher {\n      code\n      expiresAt\n    }\n    reward {\n      name\n    }\n  }\n}": typeof types.WalletDocument,
};
const documents: Documents = {
    "query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    purchases\n    netSpend\n    averageOrderValue\n    purchaseFrequency\n    multiChannelShare\n    multiChannelAverageSpend\n    singleChannelAverageSpend\n    pointsIssued\n    pointsRedeemed\n    pointsExpired\n    pointsOutstanding\n    redemptionRate\n    churnBase\n    churnRate\n    byChannel {\n      key\n      activeMembers\n      purchases\n      netSpend\n      averageOrderValue\n    }\n    lastEventId\n  }\n  npsScore(from: $from, to: $to) {\n    score\n    responses\n  }\n}\n\nmutation DashboardRefresh {\n  refreshProgramMetrics {\n    events\n    lastEventId\n  }\n}": types.DashboardPeriodDocument,
    "query PosFind($type: IdentifierType!, $value: String!) {\n  customerByIdentifier(type: $type, value: $value) {\n    id\n    name\n    loyalty {\n      balance\n      tier {\n        name\n      }\n    }\n  }\n}\n\nmutation PosPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    pointsEarned\n    balanceAfter\n  }\n}\n\nmutation PosConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    status\n    reward {\n      name\n    }\n  }\n}": types.PosFindDocument,
    "query Wallet($id: ID!) {\n  customer(id: $id) {\n    name\n    loyalty {\n      balance\n      pending\n      lastEventId\n      tier {\n        name\n      }\n      nextTier {\n        name\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        windowMonths\n      }\n      expiring(first: 3) {\n        points\n        expiresAt\n      }\n      history(first: 10) {\n        edges {\n          node {\n            points\n            reason\n            createdAt\n          }\n        }\n      }\n    }\n    rewards {\n      available(first: 5) {\n        id\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}\n\nsubscription WalletBalance($id: ID!, $after: ID) {\n  balanceUpdated(customerId: $id, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    occurredAt\n  }\n}\n\nmutation WalletRedeem($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    status\n    voucher {\n      code\n      expiresAt\n    }\n    reward {\n      name\n    }\n  }\n}": types.WalletDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    purchases\n    netSpend\n    averageOrderValue\n    purchaseFrequency\n    multiChannelShare\n    multiChannelAverageSpend\n    singleChannelAverageSpend\n    pointsIssued\n    pointsRedeemed\n    pointsExpired\n    pointsOutstanding\n    redemptionRate\n    churnBase\n    churnRate\n    byChannel {\n      key\n      activeMembers\n      purchases\n      netSpend\n      averageOrderValue\n    }\n    lastEventId\n  }\n  npsScore(from: $from, to: $to) {\n    score\n    responses\n  }\n}\n\nmutation DashboardRefresh {\n  refreshProgramMetrics {\n    events\n    lastEventId\n  }\n}"): typeof import('./graphql').DashboardPeriodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PosFind($type: IdentifierType!, $value: String!) {\n  customerByIdentifier(type: $type, value: $value) {\n    id\n    name\n    loyalty {\n      balance\n      tier {\n        name\n      }\n    }\n  }\n}\n\nmutation PosPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    pointsEarned\n    balanceAfter\n  }\n}\n\nmutation PosConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    status\n    reward {\n      name\n    }\n  }\n}"): typeof import('./graphql').PosFindDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Wallet($id: ID!) {\n  customer(id: $id) {\n    name\n    loyalty {\n      balance\n      pending\n      lastEventId\n      tier {\n        name\n      }\n      nextTier {\n        name\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        windowMonths\n      }\n      expiring(first: 3) {\n        points\n        expiresAt\n      }\n      history(first: 10) {\n        edges {\n          node {\n            points\n            reason\n            createdAt\n          }\n        }\n      }\n    }\n    rewards {\n      available(first: 5) {\n        id\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}\n\nsubscription WalletBalance($id: ID!, $after: ID) {\n  balanceUpdated(customerId: $id, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    occurredAt\n  }\n}\n\nmutation WalletRedeem($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    status\n    voucher {\n      code\n      expiresAt\n    }\n    reward {\n      name\n    }\n  }\n}"): typeof import('./graphql').WalletDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
