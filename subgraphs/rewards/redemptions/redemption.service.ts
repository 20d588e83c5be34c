import { createHash, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import { hasSqlState, SqlState } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { rewardsEvents } from '../contract/events';
import type { Logger } from '../../../runtime/logging/logger';
import { rewardStore } from '../catalog/reward.store';
import type { Reward } from '../catalog/reward.type';
import { RewardsError, RewardsErrorKind } from '../errors';
import { currentCustomerId } from '../merges/customerMerge.store';
import type { LedgerPoints } from '../upstream/ledgerPoints';
import { newVoucherCode } from '../vouchers/voucherCode';
import { RedemptionStatus, type Redemption } from '../vouchers/voucher.type';
import { redemptionStore, toVoucher, type RedemptionRow } from './redemption.store';

export interface RedeemRequest {
  redemptionId: string;
  rewardId: string;
  customerId: string;
  channel: string;
  storeId: string | null;
}

const dayMs = 86_400_000;
const insufficient = 'INSUFFICIENT_POINTS';

/** Why a member may not redeem a reward in a channel at a time, or null when they may. */
export function eligibilityProblem(reward: Reward, channel: string, tier: string | null, at: Date): string | null {
  if (!reward.active) return `${reward.name} is no longer offered`;
  if (reward.validFrom && at < reward.validFrom)
    return `${reward.name} can be redeemed from ${reward.validFrom.toISOString()}`;
  if (reward.validUntil && at >= reward.validUntil)
    return `${reward.name} could be redeemed until ${reward.validUntil.toISOString()}`;
  if (reward.channels.length > 0 && !reward.channels.includes(channel))
    return `${reward.name} is redeemed ${reward.channels.join(' or ')}, not ${channel}`;
  if (reward.tiers.length > 0 && (tier === null || !reward.tiers.includes(tier)))
    return `${reward.name} is for ${reward.tiers.join(' or ')} members`;
  return null;
}

/** A redemption id from a grant's key, so granting the same thing twice issues it once. */
function grantId(grantKey: string): string {
  const hex = createHash('sha256').update(`grant:${grantKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Redemptions: stock is held (PENDING) under the reward's row lock, then the ledger debits the
 * points (idempotent by redemption id), then a voucher is issued. Each step can be retried: the same
 * redemption id resumes where it stopped, and the rewards job completes redemptions a client
 * abandoned. When the points are refused, the stock goes back and nothing else was taken.
 */
export class RedemptionService {
  constructor(
    private readonly db: Database,
    private readonly ledger: LedgerPoints,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  async redeem(request: RedeemRequest, actor: NewEvent['actor']): Promise<Redemption> {
    const existing = await redemptionStore.find(this.db, request.redemptionId);
    if (existing) return this.resume(existing, request);
    request = { ...request, customerId: await currentCustomerId(this.db, request.customerId) };
    const members = await this.ledger.members([request.customerId]);
    const member = members.get(request.customerId) ?? { balance: 0, tier: null };
    let held: RedemptionRow;
    try {
      held = await this.db.transaction(async (tx) => {
        const reward = await this.lockReward(tx, request.rewardId);
        const problem = eligibilityProblem(reward, request.channel, member.tier, this.clock());
        if (problem) throw new RewardsError(RewardsErrorKind.NotEligible, problem);
        if (member.balance < reward.costPoints) {
          throw new RewardsError(
            RewardsErrorKind.InsufficientPoints,
            `${reward.name} costs ${reward.costPoints} points; the balance is ${member.balance}`,
            { balance: member.balance, requested: reward.costPoints },
          );
        }
        await this.takeUnit(tx, reward, request.customerId);
        return redemptionStore.insert(
          tx,
          {
            id: request.redemptionId,
            reward_id: reward.id,
            customer_id: request.customerId,
            channel: request.channel,
            store_id: request.storeId,
            points: reward.costPoints,
            status: RedemptionStatus.PENDING,
          },
          actor,
        );
      });
    } catch (error) {
      if (!hasSqlState(error, SqlState.uniqueViolation)) throw error;
      // The same redemption raced itself: answer with the one that got there first.
      const winner = (await redemptionStore.find(this.db, request.redemptionId))!;
      return this.resume(winner, request);
    }
    return this.complete(held);
  }

  /** Issues a reward without points, once per grant key (campaign rewards, the birthday reward). */
  async grant(grantKey: string, customerId: string, rewardId: string, actor: NewEvent['actor']): Promise<Redemption> {
    const id = grantId(grantKey);
    const existing = await redemptionStore.find(this.db, id);
    if (existing)
      return this.resume(existing, {
        redemptionId: id,
        rewardId,
        customerId,
        channel: existing.channel,
        storeId: null,
      });
    customerId = await currentCustomerId(this.db, customerId);
    try {
      return await this.db.transaction(async (tx) => {
        const reward = await this.lockReward(tx, rewardId);
        await this.takeUnit(tx, reward, customerId);
        const row = await redemptionStore.insert(
          tx,
          {
            id,
            reward_id: reward.id,
            customer_id: customerId,
            channel: 'ANY',
            store_id: null,
            points: 0,
            status: RedemptionStatus.GRANTED,
          },
          actor,
        );
        return this.issueVoucher(tx, row, reward, grantKey);
      });
    } catch (error) {
      if (!hasSqlState(error, SqlState.uniqueViolation)) throw error;
      return this.toRedemption((await redemptionStore.find(this.db, id))!);
    }
  }

  /** Finishes redemptions left PENDING (a client that gave up, a crash, a ledger outage). */
  async completeStale(olderThan: Date): Promise<number> {
    let done = 0;
    for (const row of await redemptionStore.stalePending(this.db, olderThan)) {
      try {
        await this.complete(row);
      } catch (error) {
        if (!(error instanceof RewardsError && error.kind === RewardsErrorKind.InsufficientPoints)) {
          this.logger.warn('a pending redemption could not be completed yet', {
            redemptionId: row.id,
            error: String(error),
          });
          continue;
        }
      }
      done++;
    }
    return done;
  }

  async toRedemption(row: RedemptionRow, db: Queryable = this.db): Promise<Redemption> {
    const voucher = await redemptionStore.voucherOf(db, row.id);
    return {
      id: row.id,
      status: row.status,
      points: row.points,
      reward: { id: row.reward_id },
      customer: { id: row.customer_id },
      voucher: voucher ? toVoucher(voucher) : null,
      createdAt: row.created_at,
    };
  }

  private async resume(existing: RedemptionRow, request: RedeemRequest): Promise<Redemption> {
    const sameMember =
      existing.customer_id === request.customerId ||
      existing.customer_id === (await currentCustomerId(this.db, request.customerId));
    if (existing.reward_id !== request.rewardId || !sameMember) {
      throw new RewardsError(
        RewardsErrorKind.RedemptionConflict,
        `Redemption ${existing.id} was made for another reward or member; use a new redemptionId`,
      );
    }
    if (existing.status === RedemptionStatus.FAILED) {
      if (existing.failure === insufficient) {
        throw new RewardsError(RewardsErrorKind.InsufficientPoints, 'The balance did not cover this redemption', {});
      }
      throw new RewardsError(
        RewardsErrorKind.RedemptionConflict,
        `Redemption ${existing.id} failed: ${existing.failure}`,
      );
    }
    if (existing.status === RedemptionStatus.PENDING) return this.complete(existing);
    return this.toRedemption(existing);
  }

  /** Debits the points of a PENDING redemption and issues its voucher; or gives the stock back. */
  private async complete(row: RedemptionRow): Promise<Redemption> {
    const rewardName = (await rewardStore.findByIds(this.db, [row.reward_id]))[0]?.name ?? 'a reward';
    try {
      await this.ledger.debit({
        customerId: row.customer_id,
        redemptionId: row.id,
        points: row.points,
        reason: `Redeemed: ${rewardName}`,
      });
    } catch (error) {
      if (error instanceof RewardsError && error.kind === RewardsErrorKind.InsufficientPoints) {
        await this.fail(row, insufficient);
      }
      throw error;
    }
    const issued = await this.db.transaction(async (tx) => {
      const current = (await redemptionStore.find(tx, row.id, true))!;
      if (current.status !== RedemptionStatus.PENDING) return current;
      const reward = (await rewardStore.findByIds(tx, [row.reward_id]))[0]!;
      await this.issueVoucher(tx, current, reward);
      return { ...current, status: RedemptionStatus.ISSUED };
    });
    if (issued.status === RedemptionStatus.FAILED) {
      // Refused by another attempt while this one's debit went through: give the points back.
      await this.ledger.refund(row.id, `Redemption ${row.id} was not completed`);
      throw new RewardsError(RewardsErrorKind.RedemptionConflict, `Redemption ${row.id} failed: ${issued.failure}`);
    }
    return this.toRedemption(issued);
  }

  private async fail(row: RedemptionRow, failure: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (await redemptionStore.settle(tx, row.id, RedemptionStatus.FAILED, failure)) {
        await rewardStore.returnStock(tx, row.reward_id, 1);
      }
    });
  }

  private async issueVoucher(
    tx: Queryable,
    row: RedemptionRow,
    reward: Reward,
    grantKey: string | null = null,
  ): Promise<Redemption> {
    const now = this.clock();
    const voucher = await redemptionStore.insertVoucher(tx, {
      id: randomUUID(),
      code: newVoucherCode(),
      redemption_id: row.id,
      reward_id: row.reward_id,
      customer_id: row.customer_id,
      expires_at: new Date(now.getTime() + reward.voucherValidDays * dayMs),
      created_at: now,
    });
    if (row.status === RedemptionStatus.PENDING) await redemptionStore.settle(tx, row.id, RedemptionStatus.ISSUED);
    await appendEvent(
      tx,
      'rewards',
      rewardsEvents.RewardIssued.event(
        row.customer_id,
        {
          customerId: row.customer_id,
          redemptionId: row.id,
          rewardId: row.reward_id,
          voucherId: voucher.id,
          points: row.points,
          expiresAt: voucher.expires_at.toISOString(),
          grantKey,
        },
        null,
      ),
    );
    return {
      id: row.id,
      status: row.status === RedemptionStatus.PENDING ? RedemptionStatus.ISSUED : row.status,
      points: row.points,
      reward: { id: row.reward_id },
      customer: { id: row.customer_id },
      voucher: toVoucher(voucher),
      createdAt: row.created_at,
    };
  }

  private async lockReward(tx: Queryable, rewardId: string): Promise<Reward> {
    const reward = await rewardStore.lock(tx, rewardId);
    if (!reward) throw new RewardsError(RewardsErrorKind.UnknownReward, `No reward has the id ${rewardId}`);
    return reward;
  }

  /** Takes one unit of stock and one of the member's redemptions of this reward, under the reward's lock. */
  private async takeUnit(tx: Queryable, reward: Reward, customerId: string): Promise<void> {
    if (reward.stockLeft !== null && reward.stockLeft <= 0) {
      throw new RewardsError(RewardsErrorKind.OutOfStock, `${reward.name} is out of stock`);
    }
    if (reward.perCustomerLimit !== null) {
      const used = await redemptionStore.countForMember(tx, customerId, reward.id);
      if (used >= reward.perCustomerLimit) {
        throw new RewardsError(
          RewardsErrorKind.NotEligible,
          `${reward.name} can be redeemed ${reward.perCustomerLimit} time(s) per member`,
        );
      }
    }
    await rewardStore.takeStock(tx, reward.id, 1);
  }
}
