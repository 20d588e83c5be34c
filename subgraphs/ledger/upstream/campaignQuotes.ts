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

const SERVICE = 'campaign service';

const quoteQuery = /* GraphQL */ `
  query LedgerPointsQuote($order: QuoteOrderInput!) {
    pointsQuote(order: $order) {
      totalPoints
      lines {
        points
        kind
        reason
        ruleId
      }
    }
  }
`;

/** Asks the campaign subgraph what an order earns (base rate and every campaign that applies). */
export class CampaignQuotes {
  constructor(
    private readonly campaignUrl: string,
    private readonly credential: InternalCredential,
  ) {}

  async quote(order: PurchaseOrder, tier: TierBenefit | null): Promise<PointsQuote> {
    const data = await graphqlRequest<{ pointsQuote: PointsQuote }>(
      this.campaignUrl,
      quoteQuery,
      {
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
          tier,
        },
      },
      { headers: { authorization: await this.credential.authorization() }, service: SERVICE },
    );
    return data.pointsQuote;
  }
}
