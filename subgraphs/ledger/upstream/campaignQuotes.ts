import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';
import type { PurchaseOrder } from '../purchases/purchase.rules';

export interface QuoteLine {
  points: number;
  kind: 'BASE' | 'BONUS';
  reason: string;
  ruleId: string | null;
}

export interface PointsQuote {
  totalPoints: number;
  lines: QuoteLine[];
}

/** The member's tier, whose multiplier the campaign engine applies. */
export interface TierBenefit {
  name: string;
  multiplierPercent: number;
}

/** What the ledger knows exactly about a member's purchases before this one. */
export interface PurchaseHistory {
  purchasesBefore: number;
  channelsBefore: string[];
}

const SERVICE = 'campaign service';

const quoteFields = /* GraphQL */ `
  totalPoints
  lines {
    points
    kind
    reason
    ruleId
  }
`;

const claimPurchaseMutation = /* GraphQL */ `
  mutation LedgerClaimPurchasePoints($claim: PurchaseClaimInput!) {
    claimPurchasePoints(claim: $claim) { ${quoteFields} }
  }
`;

const claimActivityMutation = /* GraphQL */ `
  mutation LedgerClaimActivityPoints($claim: ActivityClaimInput!) {
    claimActivityPoints(claim: $claim) { ${quoteFields} }
  }
`;

/**
 * Asks the campaign subgraph what a purchase or an activity earns (base rate and every campaign
 * that applies). A claim takes from campaign budgets and caps; it is idempotent by `key`, so the
 * ledger can ask again after a failure.
 */
export class CampaignQuotes {
  constructor(
    private readonly campaignUrl: string,
    private readonly credential: InternalCredential,
  ) {}

  async claimPurchase(
    key: string,
    order: PurchaseOrder,
    tier: TierBenefit | null,
    history: PurchaseHistory,
    at: Date,
  ): Promise<PointsQuote> {
    const claim = {
      key,
      at: at.toISOString(),
      purchasesBefore: history.purchasesBefore,
      channelsBefore: history.channelsBefore,
      tier,
      order: {
        customerId: order.customerId,
        channel: order.channel,
        storeId: order.storeId ?? null,
        currency: order.currency,
        lines: order.lines.map((line) => ({
          sku: line.sku,
          category: line.category ?? null,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
        })),
      },
    };
    const data = await this.request<{ claimPurchasePoints: PointsQuote }>(claimPurchaseMutation, { claim });
    return data.claimPurchasePoints;
  }

  async claimActivity(claim: {
    key: string;
    customerId: string;
    kind: string;
    channel: string;
    tier: string | null;
    at: Date;
  }): Promise<PointsQuote> {
    const data = await this.request<{ claimActivityPoints: PointsQuote }>(claimActivityMutation, {
      claim: { ...claim, at: claim.at.toISOString() },
    });
    return data.claimActivityPoints;
  }

  private async request<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
    return graphqlRequest<Data>(this.campaignUrl, query, variables, {
      headers: { authorization: await this.credential.authorization() },
      service: SERVICE,
    });
  }
}
