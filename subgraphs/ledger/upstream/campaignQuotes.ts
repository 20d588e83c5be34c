import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation, type Operation } from '../../../runtime/http/operation';
import {
  claimActivityPoints,
  claimPurchasePoints,
  claimPurchasesPoints,
  type PointsQuote,
  type PurchaseClaimInput,
} from '../../campaign/contract/internalApi';
import type { PurchaseOrder } from '../purchases/purchase.rules';

export type { PointsQuote };

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

/** A purchase as the campaign's `PurchaseClaimInput` takes it. */
function purchaseClaim(
  key: string,
  order: PurchaseOrder,
  tier: TierBenefit | null,
  history: PurchaseHistory,
  at: Date,
): PurchaseClaimInput {
  return {
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
}

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
    const data = await this.request(claimPurchasePoints, { claim: purchaseClaim(key, order, tier, history, at) });
    return data.claimPurchasePoints;
  }

  /**
   * Claims several purchases in one request (each as `claimPurchase` would); fails whole when any
   * claim fails, and the caller then claims them one by one (claims are idempotent by key).
   */
  async claimPurchases(
    claims: ReadonlyArray<{
      key: string;
      order: PurchaseOrder;
      tier: TierBenefit | null;
      history: PurchaseHistory;
      at: Date;
    }>,
  ): Promise<PointsQuote[]> {
    if (claims.length === 0) return [];
    const data = await this.request(claimPurchasesPoints, {
      claims: claims.map((c) => purchaseClaim(c.key, c.order, c.tier, c.history, c.at)),
    });
    const answers = data.claimPurchasesPoints;
    if (answers.length !== claims.length) {
      throw new Error(`the campaign service answered ${answers.length} of ${claims.length} claims`);
    }
    return answers.map((answer, index) => {
      if (!answer.quote) {
        throw new Error(`the campaign service refused claim ${index}: ${answer.error?.code ?? 'no answer'}`);
      }
      return answer.quote;
    });
  }

  async claimActivity(claim: {
    key: string;
    customerId: string;
    kind: string;
    channel: string;
    tier: string | null;
    at: Date;
  }): Promise<PointsQuote> {
    const data = await this.request(claimActivityPoints, {
      claim: { ...claim, at: claim.at.toISOString() },
    });
    return data.claimActivityPoints;
  }

  private async request<Variables extends object, Result>(
    operation: Operation<Variables, Result>,
    variables: Variables,
  ): Promise<Result> {
    return callOperation(this.campaignUrl, operation, variables, {
      headers: { authorization: await this.credential.authorization() },
      service: SERVICE,
    });
  }
}
