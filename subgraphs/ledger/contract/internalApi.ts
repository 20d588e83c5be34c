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
