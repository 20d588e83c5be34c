import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { rewardsEvents } from '../contract/events';
import { occurredAtOf } from '../../../runtime/validation/occurredAt';
import type { Logger } from '../../../runtime/logging/logger';
import { rewardStore } from '../catalog/reward.store';
import { RewardsError, RewardsErrorKind } from '../errors';
import { redemptionStore, toVoucher, type VoucherRow } from '../redemptions/redemption.store';
import type { LedgerPoints } from '../upstream/ledgerPoints';
import { canonicalVoucherCode, isVoucherCode } from './voucherCode';
import { voucherStore } from './voucher.store';
import { VoucherProblem, VoucherStatus, type Voucher, type VoucherCheck } from './voucher.type';

export interface ConsumeRequest {
  code: string;
  channel: string;
  storeId: string | null;
  orderReference: string;
  /** When the till took it (an offline till); absent: now. */
  occurredAt?: Date | null;
}

/**
 * Vouchers at the till and at checkout: validate, consume once (a single conditional update, so two
 * tills racing for one code cannot both take it), cancel with the points refunded, expire.
 */
export class VoucherService {
  constructor(
    private readonly db: Database,
    private readonly ledger: LedgerPoints,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    /** Days in the past a use's `occurredAt` may be (`REWARDS_MAX_LATENESS_DAYS`). */
    private readonly maxLatenessDays = 30,
  ) {}

  async find(code: string): Promise<VoucherRow> {
    if (!isVoucherCode(code)) {
      throw new RewardsError(RewardsErrorKind.InvalidInput, 'That is not a voucher code (check the characters)', {
        argument: 'code',
      });
    }
    const voucher = await redemptionStore.voucherByCode(this.db, canonicalVoucherCode(code));
    if (!voucher) throw new RewardsError(RewardsErrorKind.UnknownVoucher, 'No voucher has that code');
    return voucher;
  }

  /** What a code is worth, for whom, and whether it can be used here and now. */
  async validate(code: string, channel: string): Promise<VoucherCheck> {
    const voucher = await this.find(code);
    const problem = await this.problemOf(voucher, channel);
    return { valid: problem === null, problem, voucher: toVoucher(voucher) };
  }

  /**
   * Uses a voucher on an order, judged at the use's `occurredAt` (an offline till's time, bounded
   * lateness) or now: it must have been issued and unexpired then. A retry for the same order
   * answers the first use whatever time it carries (checked before the time, as the ledger does).
   */
  async consume(request: ConsumeRequest, actor: NewEvent['actor']): Promise<Voucher> {
    const found = await this.find(request.code);
    if (this.isSameUse(found, request)) return toVoucher(found);
    const recordedAt = this.clock();
    const at = occurredAtOf(
      request.occurredAt,
      recordedAt,
      { maxLatenessDays: this.maxLatenessDays, setting: 'REWARDS_MAX_LATENESS_DAYS', clockOf: 'the rewards service' },
      (message) => new RewardsError(RewardsErrorKind.InvalidInput, message, { argument: 'occurredAt' }),
    );
    const problem = await this.problemOf(found, request.channel);
    if (problem === VoucherProblem.WRONG_CHANNEL) {
      throw new RewardsError(RewardsErrorKind.NotEligible, `This voucher cannot be used ${request.channel}`);
    }
    const consumed = await this.db.transaction(async (tx) => {
      const row = await voucherStore.consume(tx, found.id, {
        at,
        recordedAt,
        channel: request.channel,
        storeId: request.storeId,
        orderReference: request.orderReference,
      });
      if (row) {
        await appendEvent(
          tx,
          'rewards',
          rewardsEvents.VoucherConsumed.event(
            row.customer_id,
            {
              customerId: row.customer_id,
              voucherId: row.id,
              rewardId: row.reward_id,
              channel: request.channel,
              storeId: request.storeId,
              orderReference: request.orderReference,
              occurredAt: at.toISOString(),
            },
            actor,
          ),
        );
      }
      return row;
    });
    if (consumed) return toVoucher(consumed);
    // Someone else got there first, or it was never usable at that time: say which.
    const now = (await redemptionStore.voucherByCode(this.db, found.code))!;
    if (this.isSameUse(now, request)) return toVoucher(now); // a retry for the same order
    throw this.refusal(now, at);
  }

  private isSameUse(voucher: VoucherRow, request: ConsumeRequest): boolean {
    return (
      voucher.status === VoucherStatus.CONSUMED &&
      voucher.consumed_order_reference === request.orderReference &&
      voucher.consumed_channel === request.channel &&
      (voucher.consumed_store_id ?? null) === (request.storeId ?? null)
    );
  }

  /**
   * Cancels an unused voucher and gives its points back (and the unit of stock); with `ownerId`,
   * only that member's voucher.
   */
  async cancel(code: string, actor: NewEvent['actor'], ownerId: string | null = null): Promise<Voucher> {
    const found = await this.find(code);
    if (ownerId !== null && found.customer_id !== ownerId) {
      throw new RewardsError(RewardsErrorKind.NotYours, 'A member may only cancel their own vouchers');
    }
    const now = this.clock();
    await this.db.transaction(async (tx) => {
      if (!(await voucherStore.cancel(tx, found.id, now))) return;
      await rewardStore.returnStock(tx, found.reward_id, 1);
      await appendEvent(
        tx,
        'rewards',
        rewardsEvents.VoucherCancelled.event(
          found.customer_id,
          { customerId: found.customer_id, voucherId: found.id, rewardId: found.reward_id },
          actor,
        ),
      );
    });
    const current = (await redemptionStore.voucherByCode(this.db, found.code))!;
    if (current.status !== VoucherStatus.CANCELLED) throw this.refusal(current);
    return toVoucher(await this.refund(current));
  }

  /** Expires vouchers past their date, and retries refunds a ledger outage left undone. */
  async upkeep(): Promise<{ expired: number; refunded: number }> {
    const expired = await voucherStore.expireDue(this.db, this.clock());
    const unrefunded = await voucherStore.unrefunded(this.db, 200);
    let refunded = 0;
    for (const voucher of unrefunded) {
      try {
        await this.refund(voucher);
        refunded++;
      } catch (error) {
        this.logger.warn('a cancelled voucher could not be refunded yet', {
          voucherId: voucher.id,
          error: String(error),
        });
      }
    }
    return { expired, refunded };
  }

  private async refund(voucher: VoucherRow): Promise<VoucherRow> {
    if (voucher.refunded_at) return voucher;
    const redemption = await redemptionStore.find(this.db, voucher.redemption_id);
    if (redemption && redemption.points > 0) {
      await this.ledger.refund(voucher.redemption_id, `Voucher ${voucher.code} cancelled`);
    }
    return voucherStore.markRefunded(this.db, voucher.id, this.clock());
  }

  private async problemOf(voucher: VoucherRow, channel: string): Promise<VoucherProblem | null> {
    if (voucher.status === VoucherStatus.CONSUMED) return VoucherProblem.CONSUMED;
    if (voucher.status === VoucherStatus.CANCELLED) return VoucherProblem.CANCELLED;
    if (voucher.status === VoucherStatus.EXPIRED || voucher.expires_at <= this.clock()) return VoucherProblem.EXPIRED;
    const reward = (await rewardStore.findByIds(this.db, [voucher.reward_id]))[0];
    if (reward && reward.channels.length > 0 && !reward.channels.includes(channel)) return VoucherProblem.WRONG_CHANNEL;
    return null;
  }

  /** Why `voucher` cannot be used (at `at`, a use's time; cancel and others: now). */
  private refusal(voucher: VoucherRow, at: Date = this.clock()): RewardsError {
    if (voucher.status === VoucherStatus.CONSUMED) {
      return new RewardsError(
        RewardsErrorKind.VoucherConsumed,
        `This voucher was already used${voucher.consumed_at ? ` on ${voucher.consumed_at.toISOString()}` : ''}`,
      );
    }
    if (voucher.status === VoucherStatus.CANCELLED) {
      // Cancelled means refunded (or about to be): an offline use from before the cancellation is
      // refused too, so the points are never both given back and spent.
      return new RewardsError(RewardsErrorKind.VoucherCancelled, 'This voucher was cancelled');
    }
    if (at < voucher.created_at) {
      return new RewardsError(
        RewardsErrorKind.VoucherNotYetIssued,
        `occurredAt ${at.toISOString()} is before this voucher was issued (${voucher.created_at.toISOString()})`,
        { argument: 'occurredAt' },
      );
    }
    return new RewardsError(
      RewardsErrorKind.VoucherExpired,
      `This voucher expired on ${voucher.expires_at.toISOString()}`,
    );
  }
}
