import type { InternalCredential } from '../../../runtime/auth/tokens';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { callOperation, type Operation } from '../../../runtime/http/operation';
import { debitPoints, memberPoints, refundPoints, type DebitPointsInput } from '../../ledger/contract/internalApi';
import { RewardsError, RewardsErrorKind } from '../errors';

export interface MemberPoints {
  balance: number;
  tier: string | null;
}

/** The ledger, as the rewards service uses it: balances and tiers, debits for redemptions, refunds. */
export class LedgerPoints {
  constructor(
    private readonly ledgerUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  /** Balances and tiers of many members in one call. */
  async members(customerIds: readonly string[]): Promise<Map<string, MemberPoints>> {
    const data = await this.call(memberPoints, {
      representations: customerIds.map((id) => ({ __typename: 'Customer' as const, id })),
    });
    return new Map(
      data._entities.flatMap((entity) =>
        entity
          ? [[entity.id, { balance: entity.loyalty?.balance ?? 0, tier: entity.loyalty?.tier?.name ?? null }]]
          : [],
      ),
    );
  }

  /** Debits once per redemption id; INSUFFICIENT_POINTS when the balance does not cover it. */
  async debit(input: DebitPointsInput): Promise<void> {
    try {
      await this.call(debitPoints, { input });
    } catch (error) {
      if (error instanceof UpstreamError) {
        throw new RewardsError(RewardsErrorKind.UnknownCustomer, `No customer has the id ${input.customerId}`);
      }
      throw error;
    }
  }

  /** Refunds once per redemption id; a redemption that was never debited has nothing to refund. */
  async refund(redemptionId: string, reason: string): Promise<void> {
    try {
      await this.call(refundPoints, { redemptionId, reason });
    } catch (error) {
      if (error instanceof RewardsError || !(error instanceof UpstreamError)) throw error;
      if (error.details.upstreamCode === 'NOT_FOUND') return;
      throw error;
    }
  }

  private async call<Variables extends object, Result>(
    operation: Operation<Variables, Result>,
    variables: Variables,
  ): Promise<Result> {
    try {
      return await callOperation(this.ledgerUrl(), operation, variables, {
        headers: { authorization: await this.credential.authorization() },
        service: 'ledger service',
      });
    } catch (error) {
      if (error instanceof UpstreamError && error.details.upstreamCode === 'INSUFFICIENT_POINTS') {
        throw new RewardsError(RewardsErrorKind.InsufficientPoints, error.message);
      }
      if (error instanceof UpstreamError && error.details.upstreamCode === 'NOT_FOUND') throw error;
      if (error instanceof UpstreamError || !(error instanceof RewardsError)) {
        throw new RewardsError(
          RewardsErrorKind.UpstreamUnavailable,
          `${error instanceof Error ? error.message : 'The ledger did not answer'}; retry with the same id`,
          {},
          { cause: error },
        );
      }
      throw error;
    }
  }
}
