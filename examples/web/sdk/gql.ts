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
    "query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    purchases\n    netSpend\n    averageOrderValue\n    purchaseFrequency\n    multiChannelShare\n    multiChannelAverageSpend\n    singleChannelAverageSpend\n    multiChannelAverageClv\n    singleChannelAverageClv\n    pointsIssued\n    pointsRedeemed\n    pointsExpired\n    pointsOutstanding\n    redemptionRate\n    churnBase\n    churnRate\n    members\n    membersEnrolled\n    nps {\n      score\n      responses\n    }\n    npsByChannel {\n      channel\n      nps {\n        score\n        responses\n      }\n    }\n    byChannel {\n      key\n      activeMembers\n      purchases\n      netSpend\n      averageOrderValue\n    }\n    bySegment {\n      key\n      name\n      members\n      activeMembers\n      purchases\n      netSpend\n    }\n    lastEventId\n  }\n  campaigns(first: 20, statuses: [SCHEDULED, PAUSED, ENDED]) {\n    edges {\n      node {\n        id\n        name\n        status\n        holdoutPercent\n        performance {\n          currency\n          membersReached\n          pointsGranted\n          incrementalSpend\n          cost\n          roi\n        }\n      }\n    }\n  }\n}\n\nquery DashboardWeek($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    netSpend\n    pointsIssued\n    pointsRedeemed\n  }\n}\n\nmutation DashboardRefresh {\n  refreshProgramMetrics {\n    events\n    lastEventId\n  }\n}\n\nquery DashboardCurrencies {\n  campaignProgram {\n    currency\n  }\n  earnRates {\n    currency\n  }\n}": typeof types.DashboardPeriodDocument,
};
const documents: Documents = {
    "query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    purchases\n    netSpend\n    averageOrderValue\n    purchaseFrequency\n    multiChannelShare\n    multiChannelAverageSpend\n    singleChannelAverageSpend\n    multiChannelAverageClv\n    singleChannelAverageClv\n    pointsIssued\n    pointsRedeemed\n    pointsExpired\n    pointsOutstanding\n    redemptionRate\n    churnBase\n    churnRate\n    members\n    membersEnrolled\n    nps {\n      score\n      responses\n    }\n    npsByChannel {\n      channel\n      nps {\n        score\n        responses\n      }\n    }\n    byChannel {\n      key\n      activeMembers\n      purchases\n      netSpend\n      averageOrderValue\n    }\n    bySegment {\n      key\n      name\n      members\n      activeMembers\n      purchases\n      netSpend\n    }\n    lastEventId\n  }\n  campaigns(first: 20, statuses: [SCHEDULED, PAUSED, ENDED]) {\n    edges {\n      node {\n        id\n        name\n        status\n        holdoutPercent\n        performance {\n          currency\n          membersReached\n          pointsGranted\n          incrementalSpend\n          cost\n          roi\n        }\n      }\n    }\n  }\n}\n\nquery DashboardWeek($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    netSpend\n    pointsIssued\n    pointsRedeemed\n  }\n}\n\nmutation DashboardRefresh {\n  refreshProgramMetrics {\n    events\n    lastEventId\n  }\n}\n\nquery DashboardCurrencies {\n  campaignProgram {\n    currency\n  }\n  earnRates {\n    currency\n  }\n}": types.DashboardPeriodDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    purchases\n    netSpend\n    averageOrderValue\n    purchaseFrequency\n    multiChannelShare\n    multiChannelAverageSpend\n    singleChannelAverageSpend\n    multiChannelAverageClv\n    singleChannelAverageClv\n    pointsIssued\n    pointsRedeemed\n    pointsExpired\n    pointsOutstanding\n    redemptionRate\n    churnBase\n    churnRate\n    members\n    membersEnrolled\n    nps {\n      score\n      responses\n    }\n    npsByChannel {\n      channel\n      nps {\n        score\n        responses\n      }\n    }\n    byChannel {\n      key\n      activeMembers\n      purchases\n      netSpend\n      averageOrderValue\n    }\n    bySegment {\n      key\n      name\n      members\n      activeMembers\n      purchases\n      netSpend\n    }\n    lastEventId\n  }\n  campaigns(first: 20, statuses: [SCHEDULED, PAUSED, ENDED]) {\n    edges {\n      node {\n        id\n        name\n        status\n        holdoutPercent\n        performance {\n          currency\n          membersReached\n          pointsGranted\n          incrementalSpend\n          cost\n          roi\n        }\n      }\n    }\n  }\n}\n\nquery DashboardWeek($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {\n  programMetrics(from: $from, to: $to, currency: $currency) {\n    activeMembers\n    netSpend\n    pointsIssued\n    pointsRedeemed\n  }\n}\n\nmutation DashboardRefresh {\n  refreshProgramMetrics {\n    events\n    lastEventId\n  }\n}\n\nquery DashboardCurrencies {\n  campaignProgram {\n    currency\n  }\n  earnRates {\n    currency\n  }\n}"): typeof import('./graphql').DashboardPeriodDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
