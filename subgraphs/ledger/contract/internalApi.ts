import { defineOperation } from '../../../runtime/http/operation';

/*
 * The ledger's internal API: the operations other subgraphs call on it (role `internal`), declared
 * here once, with the types of their variables and results. Callers send them with
 * `callOperation`; subgraphs/internalApi.test.ts validates each against the ledger schema.
 */

/** The outbox events query field other subgraphs read the ledger's events from. */
export const ledgerEventsField = 'ledgerEvents';

/** What the ledger quotes a member's next purchase with: the account it posts to, the tier, the purchases before it. */
export interface MemberQuoteFacts {
  customerId: string;
  tier: { name: string; multiplierPercent: number } | null;
  purchasesBefore: number;
  channelsBefore: string[];
}

/** What the ledger will claim a member's next purchase with (the campaign subgraph's quotes). */
export const memberQuoteFacts = defineOperation<{ customerId: string }, { memberQuoteFacts: MemberQuoteFacts }>(
  /* GraphQL */ `
    query CampaignMemberQuoteFacts($customerId: ID!) {
      memberQuoteFacts(customerId: $customerId) {
        customerId
        tier {
          name
          multiplierPercent
        }
        purchasesBefore
        channelsBefore
      }
    }
  `,
);

/** `AwardPointsInput`: points another subgraph credits (a completed badge). */
export interface AwardPointsInput {
  /** The ledger's idempotency key: asking again credits nothing more. */
  awardKey: string;
  customerId: string;
  points: number;
  /** What the member reads in their history. */
  reason: string;
}

export const awardPoints = defineOperation<{ input: AwardPointsInput }, { awardPoints: { awardKey: string } }>(
  /* GraphQL */ `
    mutation CampaignAwardPoints($input: AwardPointsInput!) {
      awardPoints(input: $input) {
        awardKey
      }
    }
  `,
);

/** `RecordActivityInput` as the campaign subgraph sends it for a referral made with a code. */
export interface ReferralActivityInput {
  customerId: string;
  kind: 'REFERRAL' | 'REFERRED_FRIEND';
  externalId: string;
  channel: string;
  referredCustomerId: string | null;
}

/**
 * Records one side of a referral made with a code: the referrer's REFERRAL (paid after the friend's
 * first purchase) or the friend's REFERRED_FRIEND reward; idempotent on (member, kind, externalId).
 */
export const recordReferralActivity = defineOperation<
  { input: ReferralActivityInput },
  { recordActivity: { id: string; status: string; pointsEarned: number } }
>(/* GraphQL */ `
  mutation CampaignRecordReferralActivity($input: RecordActivityInput!) {
    recordActivity(input: $input) {
      id
      status
      pointsEarned
    }
  }
`);

/** A member's balance and tier, as the ledger's `Customer` entity answers them (null: no account yet). */
export interface CustomerLoyaltyEntity {
  id: string;
  loyalty: { balance: number; tier: { name: string } | null } | null;
}

/** Balances and tiers of many members in one call (the rewards service). */
export const memberPoints = defineOperation<
  { representations: Array<{ __typename: 'Customer'; id: string }> },
  { _entities: Array<CustomerLoyaltyEntity | null> }
>(/* GraphQL */ `
  query RewardsMemberPoints($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer {
        id
        loyalty {
          balance
          tier {
            name
          }
        }
      }
    }
  }
`);

/** `DebitPointsInput`: a redemption's points, debited once per redemption id. */
export interface DebitPointsInput {
  customerId: string;
  redemptionId: string;
  points: number;
  reason: string;
}

export const debitPoints = defineOperation<{ input: DebitPointsInput }, { debitPoints: { balanceAfter: number } }>(
  /* GraphQL */ `
    mutation RewardsDebit($input: DebitPointsInput!) {
      debitPoints(input: $input) {
        balanceAfter
      }
    }
  `,
);

/** Gives a redemption's points back, once per redemption id. */
export const refundPoints = defineOperation<
  { redemptionId: string; reason: string },
  { refundPoints: { refundedAt: string | null } }
>(/* GraphQL */ `
  mutation RewardsRefund($redemptionId: ID!, $reason: String!) {
    refundPoints(redemptionId: $redemptionId, reason: $reason) {
      refundedAt
    }
  }
`);

/** What the gateway's upload of an import file needs of its job. */
export interface ImportUploadJob {
  id: string;
  kind: 'MEMBERS' | 'BALANCES' | 'TIERS' | 'ORDERS';
  format: 'NDJSON' | 'CSV';
  dryRun: boolean;
  attempt: number;
  throughLine: number;
  applied: number;
  skipped: number;
  failed: number;
  state: string;
}

const importUploadJobFields = 'id kind format dryRun attempt throughLine applied skipped failed state';

/** The gateway takes an import job for an upload of its file (the next attempt; resumes after throughLine). */
export const beginImportUpload = defineOperation<
  { id: string; bytesTotal: number | null },
  { beginImportUpload: ImportUploadJob }
>(/* GraphQL */ `
  mutation BeginImportUpload($id: ID!, $bytesTotal: SafeInt) {
    beginImportUpload(id: $id, bytesTotal: $bytesTotal) { ${importUploadJobFields} }
  }
`);

/** The gateway records one applied batch; false when another upload took the job over. */
export const recordImportProgress = defineOperation<
  {
    input: {
      jobId: string;
      attempt: number;
      throughLine: number;
      applied: number;
      skipped: number;
      bytesReceived: number;
      errors: Array<{ line: number; field: string | null; code: string; message: string }>;
    };
  },
  { recordImportProgress: boolean }
>(/* GraphQL */ `
  mutation RecordImportProgress($input: ImportProgressInput!) {
    recordImportProgress(input: $input)
  }
`);

/** The gateway ends an upload: COMPLETED with the records it counted, or INTERRUPTED with why. */
export const finishImportUpload = defineOperation<
  { id: string; attempt: number; state: 'COMPLETED' | 'INTERRUPTED'; total: number | null; message: string | null },
  { finishImportUpload: ImportUploadJob | null }
>(/* GraphQL */ `
  mutation FinishImportUpload($id: ID!, $attempt: Int!, $state: ImportJobState!, $total: SafeInt, $message: String) {
    finishImportUpload(id: $id, attempt: $attempt, state: $state, total: $total, message: $message) { ${importUploadJobFields} }
  }
`);
