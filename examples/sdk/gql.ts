/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "query AbsenceTriggers {\n  absenceTriggers {\n    key\n    name\n    start\n    waitMinutes\n    timers {\n      pending\n      fired\n      cancelled\n    }\n  }\n}": typeof types.AbsenceTriggersDocument,
    "mutation AddAudienceMembers($input: AudienceMembersInput!) {\n  addAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}": typeof types.AddAudienceMembersDocument,
    "mutation AdjustPoints($input: AdjustPointsInput!) {\n  adjustPoints(input: $input) {\n    id\n    points\n    reason\n    actor\n    balanceAfter\n  }\n}": typeof types.AdjustPointsDocument,
    "subscription BalanceUpdated($customerId: ID!, $after: ID) {\n  balanceUpdated(customerId: $customerId, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    customer {\n      name\n      rewards {\n        available(first: 1) {\n          name\n          costPoints\n        }\n      }\n    }\n  }\n}": typeof types.BalanceUpdatedDocument,
    "query BulkAdjustment($id: ID!, $errorsAfter: String) {\n  bulkAdjustment(id: $id) {\n    id\n    state\n    segmentKey\n    total\n    processed\n    failed\n    points\n    reason\n    actor\n    createdAt\n    finishedAt\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          customerId\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.BulkAdjustmentDocument,
    "mutation ConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    code\n    status\n    consumedAt\n    reward {\n      name\n      valueAmount\n      valueCurrency\n    }\n  }\n}": typeof types.ConsumeVoucherDocument,
    "mutation CreateCampaign($input: CampaignInput!) {\n  createCampaign(input: $input) {\n    id\n    name\n    status\n    scheduleText\n    nextLive {\n      start\n      end\n    }\n  }\n}": typeof types.CreateCampaignDocument,
    "query CustomerTimeline($id: ID!, $first: Int = 20, $after: String, $types: [String!]) {\n  customer(id: $id) {\n    id\n    timeline(first: $first, after: $after, types: $types) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          properties\n          occurredAt\n          channel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.CustomerTimelineDocument,
    "mutation DefineAbsenceTrigger($input: AbsenceTriggerInput!) {\n  defineAbsenceTrigger(input: $input) {\n    key\n    name\n    start\n    eventType\n    waitMinutes\n    bonusPoints\n    rewardId\n    sendMessage\n  }\n}": typeof types.DefineAbsenceTriggerDocument,
    "mutation DefineAudience($input: AudienceInput!) {\n  defineAudience(input: $input) {\n    key\n    name\n    members\n  }\n}": typeof types.DefineAudienceDocument,
    "mutation DefineEventType($input: DefineEventTypeInput!) {\n  defineEventType(input: $input) {\n    name\n    version\n    membersMaySend\n    properties {\n      name\n      kind\n      required\n    }\n  }\n}": typeof types.DefineEventTypeDocument,
    "mutation DefineSegment($input: SegmentInput!) {\n  defineSegment(input: $input) {\n    key\n    members\n    rule {\n      conditions {\n        negate\n        attribute {\n          path\n          operator\n          value {\n            string\n            number\n            boolean\n          }\n          values {\n            string\n            number\n            boolean\n          }\n        }\n        consent {\n          channel\n          granted\n        }\n        bought {\n          skus\n          categories\n          withinDays\n        }\n        inAudience\n      }\n    }\n  }\n}": typeof types.DefineSegmentDocument,
    "mutation EnrollCustomer($input: EnrollCustomerInput!) {\n  enrollCustomer(input: $input) {\n    id\n    name\n    email\n    phone\n    enrollmentChannel\n  }\n}": typeof types.EnrollCustomerDocument,
    "query ImportJob($id: ID!, $errorsAfter: String) {\n  importJob(id: $id) {\n    id\n    kind\n    state\n    total\n    processed\n    applied\n    skipped\n    failed\n    throughLine\n    attempt\n    bytesReceived\n    message\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          line\n          field\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.ImportJobDocument,
    "query MemberOffers($id: ID!) {\n  customer(id: $id) {\n    id\n    offers {\n      title\n      description\n      why\n      liveNow\n      endsAt\n    }\n  }\n}": typeof types.MemberOffersDocument,
    "query MemberOverview($email: String!) {\n  customerByIdentifier(type: EMAIL, value: $email) {\n    id\n    name\n    phone\n    loyalty {\n      balance\n      lifetimePoints\n      lastEventId\n      history(first: 5) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    rewards {\n      available(first: 3) {\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}": typeof types.MemberOverviewDocument,
    "query MemberPoints($id: ID!, $first: Int = 10, $after: String, $filter: JournalFilterInput) {\n  customer(id: $id) {\n    id\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      tier {\n        name\n        multiplierPercent\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        reviewAt\n      }\n      expiring(first: 5) {\n        points\n        expiresAt\n      }\n      pendingPoints {\n        points\n        availableAt\n      }\n      history(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            sourceType\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}": typeof types.MemberPointsDocument,
    "query PointsQuote($order: QuoteOrderInput!, $at: DateTimeISO) {\n  pointsQuote(order: $order, at: $at) {\n    totalPoints\n    lines {\n      kind\n      points\n      reason\n      ruleId\n    }\n  }\n}": typeof types.PointsQuoteDocument,
    "query PreviewBulkAdjustment($input: BulkAdjustmentPreviewInput!) {\n  previewBulkAdjustment(input: $input) {\n    members\n    totalPoints\n    wouldOverdraw\n  }\n}": typeof types.PreviewBulkAdjustmentDocument,
    "mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input) {\n    id\n    status\n    pointsEarned\n    earnings {\n      points\n      reason\n    }\n  }\n}": typeof types.RecordActivityDocument,
    "mutation RecordPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    id\n    totalAmount\n    currency\n    pointsEarned\n    pendingUntil\n    balanceAfter\n    earnings {\n      kind\n      points\n      reason\n    }\n  }\n}": typeof types.RecordPurchaseDocument,
    "mutation RecordPurchases($inputs: [RecordPurchaseInput!]!) {\n  recordPurchases(inputs: $inputs) {\n    index\n    purchase {\n      id\n      externalOrderId\n      pointsEarned\n      pendingUntil\n      late {\n        judgedAsOf\n        tier\n        campaigns {\n          kind\n          campaignName\n          capPeriod\n          periodStart\n          wouldHaveGiven\n          gave\n        }\n      }\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.RecordPurchasesDocument,
    "mutation RecordReturn($input: RecordReturnInput!) {\n  recordReturn(input: $input) {\n    id\n    purchaseId\n    refundAmount\n    pointsReversed\n    pendingPointsCancelled\n    pointsNotRecovered\n    balanceAfter\n    reversals {\n      kind\n      points\n      reason\n      wasPending\n    }\n  }\n}": typeof types.RecordReturnDocument,
    "mutation RecordReturns($inputs: [RecordReturnInput!]!) {\n  recordReturns(inputs: $inputs) {\n    index\n    return {\n      id\n      purchaseId\n      externalReturnId\n      pointsReversed\n      pendingPointsCancelled\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.RecordReturnsDocument,
    "mutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    id\n    status\n    points\n    voucher {\n      code\n      expiresAt\n      reward {\n        name\n        kind\n        valueAmount\n        valueCurrency\n      }\n    }\n  }\n}": typeof types.RedeemRewardDocument,
    "mutation RemoveAudienceMembers($input: AudienceMembersInput!) {\n  removeAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}": typeof types.RemoveAudienceMembersDocument,
    "mutation StartBulkAdjustment($input: StartBulkAdjustmentInput!) {\n  startBulkAdjustment(input: $input) {\n    id\n    state\n    total\n    processed\n    failed\n  }\n}": typeof types.StartBulkAdjustmentDocument,
    "mutation StartImport($input: StartImportInput!) {\n  startImport(input: $input) {\n    id\n    kind\n    format\n    dryRun\n    state\n    uploadPath\n  }\n}": typeof types.StartImportDocument,
    "subscription TierChanged($customerId: ID!, $after: ID) {\n  tierChanged(customerId: $customerId, after: $after) {\n    eventId\n    from\n    to\n    direction\n    reviewAt\n  }\n}": typeof types.TierChangedDocument,
    "mutation TrackEvent($input: TrackEventInput!) {\n  trackEvent(input: $input) {\n    id\n    type\n    typeVersion\n    properties\n    occurredAt\n    channel\n    customer {\n      id\n    }\n  }\n}": typeof types.TrackEventDocument,
    "mutation TrackEvents($inputs: [TrackEventInput!]!) {\n  trackEvents(inputs: $inputs) {\n    index\n    event {\n      id\n      type\n      occurredAt\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.TrackEventsDocument,
};
const documents: Documents = {
    "query AbsenceTriggers {\n  absenceTriggers {\n    key\n    name\n    start\n    waitMinutes\n    timers {\n      pending\n      fired\n      cancelled\n    }\n  }\n}": types.AbsenceTriggersDocument,
    "mutation AddAudienceMembers($input: AudienceMembersInput!) {\n  addAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}": types.AddAudienceMembersDocument,
    "mutation AdjustPoints($input: AdjustPointsInput!) {\n  adjustPoints(input: $input) {\n    id\n    points\n    reason\n    actor\n    balanceAfter\n  }\n}": types.AdjustPointsDocument,
    "subscription BalanceUpdated($customerId: ID!, $after: ID) {\n  balanceUpdated(customerId: $customerId, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    customer {\n      name\n      rewards {\n        available(first: 1) {\n          name\n          costPoints\n        }\n      }\n    }\n  }\n}": types.BalanceUpdatedDocument,
    "query BulkAdjustment($id: ID!, $errorsAfter: String) {\n  bulkAdjustment(id: $id) {\n    id\n    state\n    segmentKey\n    total\n    processed\n    failed\n    points\n    reason\n    actor\n    createdAt\n    finishedAt\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          customerId\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.BulkAdjustmentDocument,
    "mutation ConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    code\n    status\n    consumedAt\n    reward {\n      name\n      valueAmount\n      valueCurrency\n    }\n  }\n}": types.ConsumeVoucherDocument,
    "mutation CreateCampaign($input: CampaignInput!) {\n  createCampaign(input: $input) {\n    id\n    name\n    status\n    scheduleText\n    nextLive {\n      start\n      end\n    }\n  }\n}": types.CreateCampaignDocument,
    "query CustomerTimeline($id: ID!, $first: Int = 20, $after: String, $types: [String!]) {\n  customer(id: $id) {\n    id\n    timeline(first: $first, after: $after, types: $types) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          properties\n          occurredAt\n          channel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.CustomerTimelineDocument,
    "mutation DefineAbsenceTrigger($input: AbsenceTriggerInput!) {\n  defineAbsenceTrigger(input: $input) {\n    key\n    name\n    start\n    eventType\n    waitMinutes\n    bonusPoints\n    rewardId\n    sendMessage\n  }\n}": types.DefineAbsenceTriggerDocument,
    "mutation DefineAudience($input: AudienceInput!) {\n  defineAudience(input: $input) {\n    key\n    name\n    members\n  }\n}": types.DefineAudienceDocument,
    "mutation DefineEventType($input: DefineEventTypeInput!) {\n  defineEventType(input: $input) {\n    name\n    version\n    membersMaySend\n    properties {\n      name\n      kind\n      required\n    }\n  }\n}": types.DefineEventTypeDocument,
    "mutation DefineSegment($input: SegmentInput!) {\n  defineSegment(input: $input) {\n    key\n    members\n    rule {\n      conditions {\n        negate\n        attribute {\n          path\n          operator\n          value {\n            string\n            number\n            boolean\n          }\n          values {\n            string\n            number\n            boolean\n          }\n        }\n        consent {\n          channel\n          granted\n        }\n        bought {\n          skus\n          categories\n          withinDays\n        }\n        inAudience\n      }\n    }\n  }\n}": types.DefineSegmentDocument,
    "mutation EnrollCustomer($input: EnrollCustomerInput!) {\n  enrollCustomer(input: $input) {\n    id\n    name\n    email\n    phone\n    enrollmentChannel\n  }\n}": types.EnrollCustomerDocument,
    "query ImportJob($id: ID!, $errorsAfter: String) {\n  importJob(id: $id) {\n    id\n    kind\n    state\n    total\n    processed\n    applied\n    skipped\n    failed\n    throughLine\n    attempt\n    bytesReceived\n    message\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          line\n          field\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.ImportJobDocument,
    "query MemberOffers($id: ID!) {\n  customer(id: $id) {\n    id\n    offers {\n      title\n      description\n      why\n      liveNow\n      endsAt\n    }\n  }\n}": types.MemberOffersDocument,
    "query MemberOverview($email: String!) {\n  customerByIdentifier(type: EMAIL, value: $email) {\n    id\n    name\n    phone\n    loyalty {\n      balance\n      lifetimePoints\n      lastEventId\n      history(first: 5) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    rewards {\n      available(first: 3) {\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}": types.MemberOverviewDocument,
    "query MemberPoints($id: ID!, $first: Int = 10, $after: String, $filter: JournalFilterInput) {\n  customer(id: $id) {\n    id\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      tier {\n        name\n        multiplierPercent\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        reviewAt\n      }\n      expiring(first: 5) {\n        points\n        expiresAt\n      }\n      pendingPoints {\n        points\n        availableAt\n      }\n      history(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            sourceType\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}": types.MemberPointsDocument,
    "query PointsQuote($order: QuoteOrderInput!, $at: DateTimeISO) {\n  pointsQuote(order: $order, at: $at) {\n    totalPoints\n    lines {\n      kind\n      points\n      reason\n      ruleId\n    }\n  }\n}": types.PointsQuoteDocument,
    "query PreviewBulkAdjustment($input: BulkAdjustmentPreviewInput!) {\n  previewBulkAdjustment(input: $input) {\n    members\n    totalPoints\n    wouldOverdraw\n  }\n}": types.PreviewBulkAdjustmentDocument,
    "mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input) {\n    id\n    status\n    pointsEarned\n    earnings {\n      points\n      reason\n    }\n  }\n}": types.RecordActivityDocument,
    "mutation RecordPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    id\n    totalAmount\n    currency\n    pointsEarned\n    pendingUntil\n    balanceAfter\n    earnings {\n      kind\n      points\n      reason\n    }\n  }\n}": types.RecordPurchaseDocument,
    "mutation RecordPurchases($inputs: [RecordPurchaseInput!]!) {\n  recordPurchases(inputs: $inputs) {\n    index\n    purchase {\n      id\n      externalOrderId\n      pointsEarned\n      pendingUntil\n      late {\n        judgedAsOf\n        tier\n        campaigns {\n          kind\n          campaignName\n          capPeriod\n          periodStart\n          wouldHaveGiven\n          gave\n        }\n      }\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": types.RecordPurchasesDocument,
    "mutation RecordReturn($input: RecordReturnInput!) {\n  recordReturn(input: $input) {\n    id\n    purchaseId\n    refundAmount\n    pointsReversed\n    pendingPointsCancelled\n    pointsNotRecovered\n    balanceAfter\n    reversals {\n      kind\n      points\n      reason\n      wasPending\n    }\n  }\n}": types.RecordReturnDocument,
    "mutation RecordReturns($inputs: [RecordReturnInput!]!) {\n  recordReturns(inputs: $inputs) {\n    index\n    return {\n      id\n      purchaseId\n      externalReturnId\n      pointsReversed\n      pendingPointsCancelled\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": types.RecordReturnsDocument,
    "mutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    id\n    status\n    points\n    voucher {\n      code\n      expiresAt\n      reward {\n        name\n        kind\n        valueAmount\n        valueCurrency\n      }\n    }\n  }\n}": types.RedeemRewardDocument,
    "mutation RemoveAudienceMembers($input: AudienceMembersInput!) {\n  removeAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}": types.RemoveAudienceMembersDocument,
    "mutation StartBulkAdjustment($input: StartBulkAdjustmentInput!) {\n  startBulkAdjustment(input: $input) {\n    id\n    state\n    total\n    processed\n    failed\n  }\n}": types.StartBulkAdjustmentDocument,
    "mutation StartImport($input: StartImportInput!) {\n  startImport(input: $input) {\n    id\n    kind\n    format\n    dryRun\n    state\n    uploadPath\n  }\n}": types.StartImportDocument,
    "subscription TierChanged($customerId: ID!, $after: ID) {\n  tierChanged(customerId: $customerId, after: $after) {\n    eventId\n    from\n    to\n    direction\n    reviewAt\n  }\n}": types.TierChangedDocument,
    "mutation TrackEvent($input: TrackEventInput!) {\n  trackEvent(input: $input) {\n    id\n    type\n    typeVersion\n    properties\n    occurredAt\n    channel\n    customer {\n      id\n    }\n  }\n}": types.TrackEventDocument,
    "mutation TrackEvents($inputs: [TrackEventInput!]!) {\n  trackEvents(inputs: $inputs) {\n    index\n    event {\n      id\n      type\n      occurredAt\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": types.TrackEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbsenceTriggers {\n  absenceTriggers {\n    key\n    name\n    start\n    waitMinutes\n    timers {\n      pending\n      fired\n      cancelled\n    }\n  }\n}"): (typeof documents)["query AbsenceTriggers {\n  absenceTriggers {\n    key\n    name\n    start\n    waitMinutes\n    timers {\n      pending\n      fired\n      cancelled\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddAudienceMembers($input: AudienceMembersInput!) {\n  addAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}"): (typeof documents)["mutation AddAudienceMembers($input: AudienceMembersInput!) {\n  addAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdjustPoints($input: AdjustPointsInput!) {\n  adjustPoints(input: $input) {\n    id\n    points\n    reason\n    actor\n    balanceAfter\n  }\n}"): (typeof documents)["mutation AdjustPoints($input: AdjustPointsInput!) {\n  adjustPoints(input: $input) {\n    id\n    points\n    reason\n    actor\n    balanceAfter\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription BalanceUpdated($customerId: ID!, $after: ID) {\n  balanceUpdated(customerId: $customerId, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    customer {\n      name\n      rewards {\n        available(first: 1) {\n          name\n          costPoints\n        }\n      }\n    }\n  }\n}"): (typeof documents)["subscription BalanceUpdated($customerId: ID!, $after: ID) {\n  balanceUpdated(customerId: $customerId, after: $after) {\n    eventId\n    balance\n    change\n    pending\n    reason\n    customer {\n      name\n      rewards {\n        available(first: 1) {\n          name\n          costPoints\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BulkAdjustment($id: ID!, $errorsAfter: String) {\n  bulkAdjustment(id: $id) {\n    id\n    state\n    segmentKey\n    total\n    processed\n    failed\n    points\n    reason\n    actor\n    createdAt\n    finishedAt\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          customerId\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query BulkAdjustment($id: ID!, $errorsAfter: String) {\n  bulkAdjustment(id: $id) {\n    id\n    state\n    segmentKey\n    total\n    processed\n    failed\n    points\n    reason\n    actor\n    createdAt\n    finishedAt\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          customerId\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    code\n    status\n    consumedAt\n    reward {\n      name\n      valueAmount\n      valueCurrency\n    }\n  }\n}"): (typeof documents)["mutation ConsumeVoucher($input: ConsumeVoucherInput!) {\n  consumeVoucher(input: $input) {\n    code\n    status\n    consumedAt\n    reward {\n      name\n      valueAmount\n      valueCurrency\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCampaign($input: CampaignInput!) {\n  createCampaign(input: $input) {\n    id\n    name\n    status\n    scheduleText\n    nextLive {\n      start\n      end\n    }\n  }\n}"): (typeof documents)["mutation CreateCampaign($input: CampaignInput!) {\n  createCampaign(input: $input) {\n    id\n    name\n    status\n    scheduleText\n    nextLive {\n      start\n      end\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerTimeline($id: ID!, $first: Int = 20, $after: String, $types: [String!]) {\n  customer(id: $id) {\n    id\n    timeline(first: $first, after: $after, types: $types) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          properties\n          occurredAt\n          channel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerTimeline($id: ID!, $first: Int = 20, $after: String, $types: [String!]) {\n  customer(id: $id) {\n    id\n    timeline(first: $first, after: $after, types: $types) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          properties\n          occurredAt\n          channel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DefineAbsenceTrigger($input: AbsenceTriggerInput!) {\n  defineAbsenceTrigger(input: $input) {\n    key\n    name\n    start\n    eventType\n    waitMinutes\n    bonusPoints\n    rewardId\n    sendMessage\n  }\n}"): (typeof documents)["mutation DefineAbsenceTrigger($input: AbsenceTriggerInput!) {\n  defineAbsenceTrigger(input: $input) {\n    key\n    name\n    start\n    eventType\n    waitMinutes\n    bonusPoints\n    rewardId\n    sendMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DefineAudience($input: AudienceInput!) {\n  defineAudience(input: $input) {\n    key\n    name\n    members\n  }\n}"): (typeof documents)["mutation DefineAudience($input: AudienceInput!) {\n  defineAudience(input: $input) {\n    key\n    name\n    members\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DefineEventType($input: DefineEventTypeInput!) {\n  defineEventType(input: $input) {\n    name\n    version\n    membersMaySend\n    properties {\n      name\n      kind\n      required\n    }\n  }\n}"): (typeof documents)["mutation DefineEventType($input: DefineEventTypeInput!) {\n  defineEventType(input: $input) {\n    name\n    version\n    membersMaySend\n    properties {\n      name\n      kind\n      required\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DefineSegment($input: SegmentInput!) {\n  defineSegment(input: $input) {\n    key\n    members\n    rule {\n      conditions {\n        negate\n        attribute {\n          path\n          operator\n          value {\n            string\n            number\n            boolean\n          }\n          values {\n            string\n            number\n            boolean\n          }\n        }\n        consent {\n          channel\n          granted\n        }\n        bought {\n          skus\n          categories\n          withinDays\n        }\n        inAudience\n      }\n    }\n  }\n}"): (typeof documents)["mutation DefineSegment($input: SegmentInput!) {\n  defineSegment(input: $input) {\n    key\n    members\n    rule {\n      conditions {\n        negate\n        attribute {\n          path\n          operator\n          value {\n            string\n            number\n            boolean\n          }\n          values {\n            string\n            number\n            boolean\n          }\n        }\n        consent {\n          channel\n          granted\n        }\n        bought {\n          skus\n          categories\n          withinDays\n        }\n        inAudience\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollCustomer($input: EnrollCustomerInput!) {\n  enrollCustomer(input: $input) {\n    id\n    name\n    email\n    phone\n    enrollmentChannel\n  }\n}"): (typeof documents)["mutation EnrollCustomer($input: EnrollCustomerInput!) {\n  enrollCustomer(input: $input) {\n    id\n    name\n    email\n    phone\n    enrollmentChannel\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImportJob($id: ID!, $errorsAfter: String) {\n  importJob(id: $id) {\n    id\n    kind\n    state\n    total\n    processed\n    applied\n    skipped\n    failed\n    throughLine\n    attempt\n    bytesReceived\n    message\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          line\n          field\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query ImportJob($id: ID!, $errorsAfter: String) {\n  importJob(id: $id) {\n    id\n    kind\n    state\n    total\n    processed\n    applied\n    skipped\n    failed\n    throughLine\n    attempt\n    bytesReceived\n    message\n    errors(first: 100, after: $errorsAfter) {\n      edges {\n        node {\n          line\n          field\n          code\n          message\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberOffers($id: ID!) {\n  customer(id: $id) {\n    id\n    offers {\n      title\n      description\n      why\n      liveNow\n      endsAt\n    }\n  }\n}"): (typeof documents)["query MemberOffers($id: ID!) {\n  customer(id: $id) {\n    id\n    offers {\n      title\n      description\n      why\n      liveNow\n      endsAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberOverview($email: String!) {\n  customerByIdentifier(type: EMAIL, value: $email) {\n    id\n    name\n    phone\n    loyalty {\n      balance\n      lifetimePoints\n      lastEventId\n      history(first: 5) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    rewards {\n      available(first: 3) {\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}"): (typeof documents)["query MemberOverview($email: String!) {\n  customerByIdentifier(type: EMAIL, value: $email) {\n    id\n    name\n    phone\n    loyalty {\n      balance\n      lifetimePoints\n      lastEventId\n      history(first: 5) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    rewards {\n      available(first: 3) {\n        name\n        costPoints\n      }\n    }\n    offers {\n      title\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberPoints($id: ID!, $first: Int = 10, $after: String, $filter: JournalFilterInput) {\n  customer(id: $id) {\n    id\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      tier {\n        name\n        multiplierPercent\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        reviewAt\n      }\n      expiring(first: 5) {\n        points\n        expiresAt\n      }\n      pendingPoints {\n        points\n        availableAt\n      }\n      history(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            sourceType\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MemberPoints($id: ID!, $first: Int = 10, $after: String, $filter: JournalFilterInput) {\n  customer(id: $id) {\n    id\n    loyalty {\n      balance\n      pending\n      lifetimePoints\n      tier {\n        name\n        multiplierPercent\n      }\n      nextTier {\n        name\n        qualifyingPoints\n      }\n      progress {\n        qualifyingPoints\n        pointsToNextTier\n        reviewAt\n      }\n      expiring(first: 5) {\n        points\n        expiresAt\n      }\n      pendingPoints {\n        points\n        availableAt\n      }\n      history(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            kind\n            points\n            balanceAfter\n            reason\n            sourceType\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PointsQuote($order: QuoteOrderInput!, $at: DateTimeISO) {\n  pointsQuote(order: $order, at: $at) {\n    totalPoints\n    lines {\n      kind\n      points\n      reason\n      ruleId\n    }\n  }\n}"): (typeof documents)["query PointsQuote($order: QuoteOrderInput!, $at: DateTimeISO) {\n  pointsQuote(order: $order, at: $at) {\n    totalPoints\n    lines {\n      kind\n      points\n      reason\n      ruleId\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PreviewBulkAdjustment($input: BulkAdjustmentPreviewInput!) {\n  previewBulkAdjustment(input: $input) {\n    members\n    totalPoints\n    wouldOverdraw\n  }\n}"): (typeof documents)["query PreviewBulkAdjustment($input: BulkAdjustmentPreviewInput!) {\n  previewBulkAdjustment(input: $input) {\n    members\n    totalPoints\n    wouldOverdraw\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input) {\n    id\n    status\n    pointsEarned\n    earnings {\n      points\n      reason\n    }\n  }\n}"): (typeof documents)["mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input) {\n    id\n    status\n    pointsEarned\n    earnings {\n      points\n      reason\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    id\n    totalAmount\n    currency\n    pointsEarned\n    pendingUntil\n    balanceAfter\n    earnings {\n      kind\n      points\n      reason\n    }\n  }\n}"): (typeof documents)["mutation RecordPurchase($input: RecordPurchaseInput!) {\n  recordPurchase(input: $input) {\n    id\n    totalAmount\n    currency\n    pointsEarned\n    pendingUntil\n    balanceAfter\n    earnings {\n      kind\n      points\n      reason\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordPurchases($inputs: [RecordPurchaseInput!]!) {\n  recordPurchases(inputs: $inputs) {\n    index\n    purchase {\n      id\n      externalOrderId\n      pointsEarned\n      pendingUntil\n      late {\n        judgedAsOf\n        tier\n        campaigns {\n          kind\n          campaignName\n          capPeriod\n          periodStart\n          wouldHaveGiven\n          gave\n        }\n      }\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"): (typeof documents)["mutation RecordPurchases($inputs: [RecordPurchaseInput!]!) {\n  recordPurchases(inputs: $inputs) {\n    index\n    purchase {\n      id\n      externalOrderId\n      pointsEarned\n      pendingUntil\n      late {\n        judgedAsOf\n        tier\n        campaigns {\n          kind\n          campaignName\n          capPeriod\n          periodStart\n          wouldHaveGiven\n          gave\n        }\n      }\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordReturn($input: RecordReturnInput!) {\n  recordReturn(input: $input) {\n    id\n    purchaseId\n    refundAmount\n    pointsReversed\n    pendingPointsCancelled\n    pointsNotRecovered\n    balanceAfter\n    reversals {\n      kind\n      points\n      reason\n      wasPending\n    }\n  }\n}"): (typeof documents)["mutation RecordReturn($input: RecordReturnInput!) {\n  recordReturn(input: $input) {\n    id\n    purchaseId\n    refundAmount\n    pointsReversed\n    pendingPointsCancelled\n    pointsNotRecovered\n    balanceAfter\n    reversals {\n      kind\n      points\n      reason\n      wasPending\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordReturns($inputs: [RecordReturnInput!]!) {\n  recordReturns(inputs: $inputs) {\n    index\n    return {\n      id\n      purchaseId\n      externalReturnId\n      pointsReversed\n      pendingPointsCancelled\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"): (typeof documents)["mutation RecordReturns($inputs: [RecordReturnInput!]!) {\n  recordReturns(inputs: $inputs) {\n    index\n    return {\n      id\n      purchaseId\n      externalReturnId\n      pointsReversed\n      pendingPointsCancelled\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    id\n    status\n    points\n    voucher {\n      code\n      expiresAt\n      reward {\n        name\n        kind\n        valueAmount\n        valueCurrency\n      }\n    }\n  }\n}"): (typeof documents)["mutation RedeemReward($input: RedeemRewardInput!) {\n  redeemReward(input: $input) {\n    id\n    status\n    points\n    voucher {\n      code\n      expiresAt\n      reward {\n        name\n        kind\n        valueAmount\n        valueCurrency\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveAudienceMembers($input: AudienceMembersInput!) {\n  removeAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}"): (typeof documents)["mutation RemoveAudienceMembers($input: AudienceMembersInput!) {\n  removeAudienceMembers(input: $input) {\n    audience\n    asked\n    changed\n    unchanged\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartBulkAdjustment($input: StartBulkAdjustmentInput!) {\n  startBulkAdjustment(input: $input) {\n    id\n    state\n    total\n    processed\n    failed\n  }\n}"): (typeof documents)["mutation StartBulkAdjustment($input: StartBulkAdjustmentInput!) {\n  startBulkAdjustment(input: $input) {\n    id\n    state\n    total\n    processed\n    failed\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartImport($input: StartImportInput!) {\n  startImport(input: $input) {\n    id\n    kind\n    format\n    dryRun\n    state\n    uploadPath\n  }\n}"): (typeof documents)["mutation StartImport($input: StartImportInput!) {\n  startImport(input: $input) {\n    id\n    kind\n    format\n    dryRun\n    state\n    uploadPath\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TierChanged($customerId: ID!, $after: ID) {\n  tierChanged(customerId: $customerId, after: $after) {\n    eventId\n    from\n    to\n    direction\n    reviewAt\n  }\n}"): (typeof documents)["subscription TierChanged($customerId: ID!, $after: ID) {\n  tierChanged(customerId: $customerId, after: $after) {\n    eventId\n    from\n    to\n    direction\n    reviewAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TrackEvent($input: TrackEventInput!) {\n  trackEvent(input: $input) {\n    id\n    type\n    typeVersion\n    properties\n    occurredAt\n    channel\n    customer {\n      id\n    }\n  }\n}"): (typeof documents)["mutation TrackEvent($input: TrackEventInput!) {\n  trackEvent(input: $input) {\n    id\n    type\n    typeVersion\n    properties\n    occurredAt\n    channel\n    customer {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TrackEvents($inputs: [TrackEventInput!]!) {\n  trackEvents(inputs: $inputs) {\n    index\n    event {\n      id\n      type\n      occurredAt\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"): (typeof documents)["mutation TrackEvents($inputs: [TrackEventInput!]!) {\n  trackEvents(inputs: $inputs) {\n    index\n    event {\n      id\n      type\n      occurredAt\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;