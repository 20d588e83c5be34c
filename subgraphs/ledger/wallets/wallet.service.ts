import { createHash } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import type { AccountBook } from '../accounts/accountBook';
import { ledgerEvents } from '../contract/events';
import { LedgerError, LedgerErrorKind } from '../errors';
import { walletPaid, type PurchaseOrder } from '../purchases/purchase.rules';
import { EntryKind, SourceType } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { takeFromLots, type LotTake } from '../lots/lot.rules';
import { refundedSoFar } from '../pointsPayments/pointsPayment.rules';
import {
  completedCards,
  earningDates,
  purchaseEarnings,
  reversedByReturns,
  walletTypeProblem,
  WalletKind,
  type WalletType,
} from './wallet.rules';
import {
  toLot,
  walletStore,
  type HouseholdRow,
  type NewWalletEntry,
  type WalletAccountRow,
  type WalletLotRow,
} from './wallet.store';

/** What a purchase earns with: the active wallet types and the households its member earns into. */
export interface WalletContext {
  types: WalletType[];
  households: HouseholdRow[];
}

/** A credit into a member's wallet. */
export interface WalletCredit {
  /** The wallet's owner (a household member's purchase earns into the owner's wallet). */
  ownerId: string;
  type: WalletType;
  amount: number;
  kind: 'EARN' | 'ADJUST' | 'AWARD' | 'REFUND';
  sourceType: string;
  sourceId: string;
  reason: string;
  /** The member whose purchase earned it, when not the owner. */
  earnedBy: string | null;
  at: Date;
}

export interface WalletChange {
  wallet: string;
  ownerId: string;
  amount: number;
  balanceAfter: number;
  at: Date;
}

/** The wallet `customerId`'s purchases earn into for `wallet`: their household's owner's, or their own. */
export function walletOwnerOf(context: WalletContext, customerId: string, wallet: string): string {
  return context.households.find((h) => h.member_id === customerId && h.wallet === wallet)?.owner_id ?? customerId;
}

/** The accounts besides the purchaser's a purchase must lock: the owners of the households it earns into. */
export function householdOwners(context: WalletContext, customerId: string): string[] {
  if (context.types.length === 0) return [];
  return [...new Set(context.households.filter((h) => h.member_id === customerId).map((h) => h.owner_id))].sort();
}

/** Refuses (INSUFFICIENT_POINTS, nothing changed) taking more than the locked account holds. */
function requireBalance(
  account: WalletAccountRow,
  type: WalletType,
  amount: number,
  purpose = '',
  extensions: Record<string, unknown> = {},
): void {
  if (amount <= account.balance) return;
  throw new LedgerError(
    LedgerErrorKind.InsufficientPoints,
    `The ${type.name} balance is ${account.balance}; ${amount} was asked${purpose}`,
    { balance: account.balance, requested: amount, ...extensions },
  );
}

const fingerprintOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Wallets besides the points balance: their types, what purchases, returns, spends, adjustments
 * and the points job do to them. Every change runs in a transaction that holds the owner's points
 * account lock (AccountBook) and the wallet account's row lock, so a stamp card that completes pays
 * its reward into the points book of the same transaction.
 */
/** What a change of a wallet account says in its WalletBalanceChanged event. */
interface ChangeNote {
  kind: string;
  reason: string;
  earnedBy: string | null;
  at: Date;
}

export class WalletService {
  /** Each locked account's balance and pending when locked, for the event its save publishes. */
  private readonly lockedAt = new WeakMap<WalletAccountRow, { balance: number; pending: number }>();

  constructor(private readonly core: LedgerCore) {}

  private async lock(tx: Queryable, customerId: string, wallet: string): Promise<WalletAccountRow> {
    const account = await walletStore.lock(tx, customerId, wallet);
    this.lockedAt.set(account, { balance: account.balance, pending: account.pending });
    return account;
  }

  /**
   * Saves a locked account and, when its balance or pending amount moved, publishes the
   * WalletBalanceChanged event with `publisher`, a book of the same transaction.
   */
  private async save(
    tx: Queryable,
    account: WalletAccountRow,
    publisher: AccountBook,
    note: ChangeNote,
  ): Promise<void> {
    await walletStore.save(tx, account);
    const before = this.lockedAt.get(account) ?? { balance: 0, pending: 0 };
    const change = account.balance - before.balance;
    const pendingChange = account.pending - before.pending;
    this.lockedAt.set(account, { balance: account.balance, pending: account.pending });
    if (change === 0 && pendingChange === 0) return;
    publisher.publish(
      ledgerEvents.WalletBalanceChanged.event(
        account.customer_id,
        {
          customerId: account.customer_id,
          wallet: account.wallet,
          kind: note.kind,
          change,
          pendingChange,
          balance: account.balance,
          pending: account.pending,
          reason: note.reason,
          earnedBy: note.earnedBy,
          occurredAt: note.at.toISOString(),
        },
        null,
      ),
    );
  }

  types(): Promise<WalletType[]> {
    return walletStore.types(this.core.db);
  }

  async define(type: WalletType, actor: NewEvent['actor']): Promise<WalletType> {
    const problem = walletTypeProblem(type);
    if (problem) throw new LedgerError(LedgerErrorKind.InvalidInput, problem, { argument: 'input' });
    const saved = await walletStore.define(this.core.db, type, actor);
    if (!saved) {
      throw new LedgerError(
        LedgerErrorKind.WalletConflict,
        `Wallet ${type.code} is a wallet of another kind or currency; neither can change, as balances are held in them (define another code)`,
      );
    }
    return saved;
  }

  async requireType(code: string, db: Queryable = this.core.db): Promise<WalletType> {
    const type = (await walletStore.types(db)).find((t) => t.code === code);
    if (!type) throw new LedgerError(LedgerErrorKind.UnknownWallet, `No wallet is defined with the code ${code}`);
    return type;
  }

  context(ids: readonly string[]): Promise<WalletContext> {
    return walletStore.purchaseContext(this.core.db, ids);
  }

  /**
   * Credits a purchase's wallet earnings (on its cash part), in the purchase's transaction: into each
   * wallet's owner, whose book `books` must hold (the purchaser's, or their household owner's).
   */
  async earnOnPurchase(
    tx: Queryable,
    books: ReadonlyMap<string, AccountBook>,
    context: WalletContext,
    purchase: {
      customerId: string;
      orderId: string;
      externalOrderId: string;
      currency: string;
      cashAmount: number;
      at: Date;
      /** What campaigns of the quote credit to wallets (scaled to the cash part, as points are). */
      campaignCredits: ReadonlyArray<{ wallet: string; amount: number; reason: string }>;
    },
  ): Promise<void> {
    const earnings = [
      ...purchaseEarnings(context.types, purchase).map((earning) => ({
        ...earning,
        reason: `Purchase ${purchase.externalOrderId}`,
      })),
      // A wallet the ledger does not define or run takes nothing (the campaigns guide says so); a
      // stamp card takes at most a card's stamps from one purchase's campaigns.
      ...purchase.campaignCredits.flatMap((credit) => {
        const type = context.types.find((t) => t.code === credit.wallet);
        if (!type || credit.amount <= 0) return [];
        const amount =
          type.kind === WalletKind.STAMPS ? Math.min(credit.amount, type.stampsPerCard ?? 0) : credit.amount;
        return [{ ...credit, amount, campaign: true }];
      }),
    ];
    if (earnings.length === 0) return;
    const credits = earnings.map((earning): WalletCredit => {
      const ownerId = walletOwnerOf(context, purchase.customerId, earning.wallet);
      return {
        ownerId,
        type: context.types.find((t) => t.code === earning.wallet)!,
        amount: earning.amount,
        kind: 'campaign' in earning ? 'AWARD' : 'EARN',
        sourceType: 'ORDER',
        sourceId: purchase.orderId,
        reason: earning.reason,
        earnedBy: ownerId === purchase.customerId ? null : purchase.customerId,
        at: purchase.at,
      };
    });
    await this.credit(tx, books, credits);
    // One row per wallet: what the purchase earned into it in all, which returns take back from.
    const byWallet = new Map<string, { ownerId: string; amount: number }>();
    for (const credit of credits) {
      const sum = byWallet.get(credit.type.code)?.amount ?? 0;
      byWallet.set(credit.type.code, { ownerId: credit.ownerId, amount: sum + credit.amount });
    }
    await walletStore.insertOrderEarnings(
      tx,
      [...byWallet.entries()].map(([wallet, { ownerId, amount }]) => ({
        customer_id: purchase.customerId,
        order_id: purchase.orderId,
        wallet,
        wallet_owner: ownerId,
        amount,
      })),
    );
  }

  /** Credits wallets (pending first when the wallet has a pending window and it is earned). */
  async credit(
    tx: Queryable,
    books: ReadonlyMap<string, AccountBook>,
    credits: readonly WalletCredit[],
  ): Promise<WalletChange[]> {
    const ordered = [...credits].sort((a, b) =>
      a.ownerId === b.ownerId ? a.type.code.localeCompare(b.type.code) : a.ownerId < b.ownerId ? -1 : 1,
    );
    const changes: WalletChange[] = [];
    for (const credit of ordered) {
      const account = await this.lock(tx, credit.ownerId, credit.type.code);
      const pending = credit.kind === 'EARN' && credit.type.pendingDays > 0;
      const { availableAt, expiresAt } = earningDates(credit.type, credit.at);
      const entries: NewWalletEntry[] = [];
      if (pending) {
        account.pending += credit.amount;
      } else {
        account.balance += credit.amount;
        if (credit.kind === 'EARN') account.lifetime += credit.amount;
        entries.push(this.entry(account, credit.kind, credit.amount, credit));
      }
      await walletStore.insertLots(tx, [
        {
          customerId: credit.ownerId,
          wallet: credit.type.code,
          pending,
          amount: credit.amount,
          sourceType: credit.sourceType,
          sourceId: credit.sourceId,
          earnedBy: credit.earnedBy,
          earnedAt: credit.at,
          availableAt: pending ? availableAt : credit.at,
          expiresAt: pending ? expiresAt : earningDates({ ...credit.type, pendingDays: 0 }, credit.at).expiresAt,
        },
      ]);
      await walletStore.insertEntries(tx, entries);
      if (!pending) await this.completeCards(tx, books, account, credit.type, credit.at);
      const publisher = books.get(credit.ownerId) ?? [...books.values()][0]!;
      await this.save(tx, account, publisher, credit);
      changes.push({
        wallet: credit.type.code,
        ownerId: credit.ownerId,
        amount: credit.amount,
        balanceAfter: account.balance,
        at: credit.at,
      });
    }
    return changes;
  }

  /**
   * Why the order's wallet payments cannot pay it, or nothing: each a money wallet of the order's
   * currency, once, not a household owner's, and with the points no more than the total.
   */
  checkPayments(context: WalletContext, order: PurchaseOrder, totalAmount: number, pointsAmount: number): void {
    const payments = order.walletPayments ?? [];
    const refuse = (message: string): never => {
      throw new LedgerError(LedgerErrorKind.InvalidInput, message, { argument: 'walletPayments' });
    };
    if (new Set(payments.map((p) => p.wallet)).size < payments.length) refuse('Each wallet pays an order once');
    for (const payment of payments) {
      const type = context.types.find((t) => t.code === payment.wallet);
      if (!type) refuse(`No active wallet is defined with the code ${payment.wallet}`);
      if (type!.kind === WalletKind.STAMPS) refuse(`${type!.name} holds stamps, which do not pay orders`);
      if (type!.currency !== order.currency) {
        refuse(`${type!.name} holds ${type!.currency}; the order is in ${order.currency}`);
      }
      if (context.households.some((h) => h.member_id === order.customerId && h.wallet === payment.wallet)) {
        refuse(`This member earns into another member's ${type!.name}; only its owner spends it`);
      }
    }
    if (walletPaid(order) + pointsAmount > totalAmount) {
      refuse('Wallets and points may pay at most the order total');
    }
  }

  /**
   * Spends the order's wallet payments from the purchaser's wallets in the purchase's transaction
   * (`book` is the purchaser's): more than a wallet holds throws INSUFFICIENT_POINTS and nothing of
   * the purchase commits.
   */
  async payForPurchase(
    tx: Queryable,
    book: AccountBook,
    context: WalletContext,
    purchase: { order: PurchaseOrder; orderId: string; at: Date },
  ): Promise<void> {
    const payments = [...(purchase.order.walletPayments ?? [])].sort((a, b) => a.wallet.localeCompare(b.wallet));
    const reason = `Purchase ${purchase.order.externalOrderId}`;
    for (const payment of payments) {
      const type = context.types.find((t) => t.code === payment.wallet)!;
      const account = await this.lock(tx, book.customerId, type.code);
      await this.settleLocked(tx, book, account, type);
      requireBalance(account, type, payment.amount, ' to pay the order', { wallet: type.code });
      await this.debit(tx, account, payment.amount, {
        kind: 'SPEND',
        sourceType: 'ORDER',
        sourceId: purchase.orderId,
        reason,
        at: purchase.at,
      });
      await this.save(tx, account, book, { kind: 'SPEND', reason, earnedBy: null, at: purchase.at });
    }
    await walletStore.insertPayments(
      tx,
      payments.map((payment) => ({
        customer_id: book.customerId,
        order_id: purchase.orderId,
        wallet: payment.wallet,
        amount: payment.amount,
      })),
    );
  }

  /**
   * What returns of a purchase do to its wallets, now that `refund.amount` more of its goods came
   * back: its wallet payments are given back pro rata to the goods' value returned (cumulatively,
   * rounded down, all of them once everything came back); its earnings are taken back as far as the
   * wallet still holds them (a pending earning is cancelled; stamps on a completed card stay).
   */
  async reverseForReturn(
    tx: Queryable,
    publisher: AccountBook,
    order: { id: string; externalOrderId: string; totalAmount: number; pointsAmount: number },
    refund: { amount: number; returnId: string; externalReturnId: string; at: Date },
  ): Promise<void> {
    const { earnings, payments, returnedValue } = await walletStore.orderWallets(tx, order.id);
    if (earnings.length === 0 && payments.length === 0) return;
    const types = await walletStore.types(tx);
    const returnedAfter = Math.min(order.totalAmount, returnedValue + refund.amount);
    const reason = `Return ${refund.externalReturnId} of purchase ${order.externalOrderId}`;
    for (const payment of payments) {
      // As a points payment's share comes back (exact in bigints, all of it once everything came back).
      const due =
        refundedSoFar({ points: 0, amount: payment.amount }, returnedAfter, order.totalAmount).amount -
        payment.refunded;
      if (due <= 0) continue;
      await this.credit(tx, new Map([[publisher.customerId, publisher]]), [
        {
          ownerId: payment.customer_id,
          type: types.find((t) => t.code === payment.wallet)!,
          amount: due,
          kind: 'REFUND',
          sourceType: 'RETURN',
          sourceId: refund.returnId,
          reason,
          earnedBy: null,
          at: refund.at,
        },
      ]);
      await walletStore.addRefunded(tx, order.id, payment.wallet, due);
    }
    const cashAmount = order.totalAmount - order.pointsAmount - payments.reduce((sum, p) => sum + p.amount, 0);
    for (const earning of earnings) {
      const type = types.find((t) => t.code === earning.wallet)!;
      const target = reversedByReturns(
        type,
        { amount: earning.amount, cashAmount, totalAmount: order.totalAmount },
        returnedValue + refund.amount,
      );
      const due = target - earning.reversed;
      if (due <= 0) continue;
      const account = await this.lock(tx, earning.wallet_owner, earning.wallet);
      const lots = await walletStore.openLots(tx, account.customer_id, account.wallet);
      const own = lots.filter((lot) => lot.source_type === 'ORDER' && lot.source_id === order.id);
      const pendingLot = own.find((lot) => lot.status === 'PENDING');
      if (pendingLot) {
        const cancelled = Math.min(due, Number(pendingLot.remaining));
        account.pending -= cancelled;
        await walletStore.takeFromLots(tx, account.customer_id, [{ lotId: Number(pendingLot.id), points: cancelled }]);
      } else {
        const taken = Math.min(due, account.balance);
        if (taken > 0) {
          const { takes } = takeFromLots(lots.filter((lot) => lot.status === 'ACTIVE').map(toLot), taken, order.id);
          await walletStore.takeFromLots(tx, account.customer_id, takes);
          account.balance -= taken;
          account.lifetime = Math.max(0, account.lifetime - taken);
          await walletStore.insertEntries(tx, [
            this.entry(account, 'REVERSE', -taken, {
              sourceType: 'RETURN',
              sourceId: refund.returnId,
              reason,
              earnedBy: earning.wallet_owner === earning.customer_id ? null : earning.customer_id,
              at: refund.at,
            }),
          ]);
        }
      }
      await walletStore.addReversed(tx, order.id, earning.wallet, due);
      await this.save(tx, account, publisher, {
        kind: 'REVERSE',
        reason,
        earnedBy: earning.wallet_owner === earning.customer_id ? null : earning.customer_id,
        at: refund.at,
      });
    }
  }

  /**
   * Spends from a money wallet (store credit or cashback at a till, online), idempotent by
   * (member, wallet, key): a retry answers the first spend; the same key asking otherwise is a
   * CONFLICT. More than the balance: INSUFFICIENT_POINTS. A household member may not spend the
   * owner's wallet (the caller checks who may spend).
   */
  async spend(
    request: { customerId: string; wallet: string; amount: number; idempotencyKey: string; reason: string },
    actor: NewEvent['actor'],
  ): Promise<WalletChange> {
    const type = await this.requireType(request.wallet);
    if (type.kind === WalletKind.STAMPS) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'Stamps are not spent: a full card pays its reward points', {
        argument: 'wallet',
      });
    }
    const customerId = await this.core.requireCustomer(request.customerId, 'the spend');
    const fingerprint = fingerprintOf([request.wallet, request.amount, request.reason]);
    return this.core.withAccount(customerId, async (book, tx) => {
      const account = await this.lock(tx, customerId, type.code);
      const first = await walletStore.findSpend(tx, customerId, type.code, request.idempotencyKey);
      if (!first) await this.settleLocked(tx, book, account, type);
      if (first) {
        if (first.fingerprint !== fingerprint) {
          throw new LedgerError(
            LedgerErrorKind.WalletConflict,
            `Spend ${request.idempotencyKey} was already made with a different amount or reason`,
          );
        }
        return {
          wallet: type.code,
          ownerId: customerId,
          amount: -first.amount,
          balanceAfter: first.balance_after,
          at: first.spent_at,
        };
      }
      requireBalance(account, type, request.amount);
      await this.debit(tx, account, request.amount, {
        kind: 'SPEND',
        sourceType: 'SPEND',
        sourceId: `${type.code}:${request.idempotencyKey}`,
        reason: request.reason,
        at: book.now,
      });
      await walletStore.insertSpend(tx, {
        customerId,
        wallet: type.code,
        key: request.idempotencyKey,
        fingerprint,
        amount: request.amount,
        reason: request.reason,
        balanceAfter: account.balance,
        at: book.now,
      });
      await this.save(tx, account, book, { kind: 'SPEND', reason: request.reason, earnedBy: null, at: book.now });
      book.noteChange(request.reason, `${type.code}:${request.idempotencyKey}`, actor);
      return {
        wallet: type.code,
        ownerId: customerId,
        amount: -request.amount,
        balanceAfter: account.balance,
        at: book.now,
      };
    });
  }

  /**
   * Credits (or, negative, debits) a member's wallet by hand or for a campaign, once per key: a
   * retry with the same key and content answers the first change; other content is a CONFLICT.
   */
  async adjust(
    request: {
      customerId: string;
      wallet: string;
      amount: number;
      key: string;
      /** The key as the caller named it, for messages. */
      shownKey: string;
      reason: string;
      campaign: boolean;
    },
    actor: NewEvent['actor'],
  ): Promise<WalletChange> {
    const type = await this.requireType(request.wallet);
    // A full card pays points at once: an adjustment completes one card at most.
    if (type.kind === WalletKind.STAMPS && Math.abs(request.amount) > (type.stampsPerCard ?? 0)) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `A stamp adjustment is at most a card's ${type.stampsPerCard} stamps`,
        { argument: 'amount' },
      );
    }
    const customerId = await this.core.requireCustomer(request.customerId, 'the wallet change');
    const sourceType = request.campaign ? 'CAMPAIGN' : 'ACTOR';
    const household = (await walletStore.householdsOf(this.core.db, [customerId])).find(
      (h) => h.member_id === customerId && h.wallet === type.code,
    );
    if (household) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `This member earns into ${household.owner_id}'s ${type.name}; adjust the owner's`,
        { argument: 'customerId' },
      );
    }
    return this.core.withAccount(customerId, async (book, tx) => {
      const account = await this.lock(tx, customerId, type.code);
      const [first] = await walletStore.entriesBySource(tx, sourceType, request.key);
      if (!first) await this.settleLocked(tx, book, account, type);
      if (first) {
        if (Number(first.amount) !== request.amount || first.reason !== request.reason || first.wallet !== type.code) {
          throw new LedgerError(
            LedgerErrorKind.WalletConflict,
            `Wallet change ${request.shownKey} was already made with different content`,
          );
        }
        return {
          wallet: type.code,
          ownerId: first.customer_id,
          amount: request.amount,
          balanceAfter: Number(first.balance_after),
          at: first.created_at,
        };
      }
      if (request.amount < 0) {
        requireBalance(account, type, -request.amount);
        await this.debit(tx, account, -request.amount, {
          kind: 'ADJUST',
          sourceType,
          sourceId: request.key,
          reason: request.reason,
          at: book.now,
        });
        await this.save(tx, account, book, { kind: 'ADJUST', reason: request.reason, earnedBy: null, at: book.now });
        book.noteChange(request.reason, request.key, actor);
        return {
          wallet: type.code,
          ownerId: customerId,
          amount: request.amount,
          balanceAfter: account.balance,
          at: book.now,
        };
      }
      const [change] = await this.credit(tx, new Map([[customerId, book]]), [
        {
          ownerId: customerId,
          type,
          amount: request.amount,
          kind: request.campaign ? 'AWARD' : 'ADJUST',
          sourceType,
          sourceId: request.key,
          reason: request.reason,
          earnedBy: null,
          at: book.now,
        },
      ]);
      book.noteChange(request.reason, request.key, actor);
      return change!;
    });
  }

  /** Releases due pending earnings and expires due lots of every wallet account that has some. */
  async settleDue(): Promise<number> {
    let settled = 0;
    for (;;) {
      const now = this.core.clock();
      const due = await walletStore.dueAccounts(this.core.db, now, 200);
      if (due.length === 0) return settled;
      for (const { customer_id: customerId, wallet } of due) {
        const type = await this.requireType(wallet);
        await this.core.withAccount(customerId, (book, tx) => this.settle(tx, book, type));
        settled++;
      }
      if (due.length < 200) return settled;
    }
  }

  /** A household member earns into the owner's wallet; only the owner spends it. */
  async joinHousehold(request: { wallet: string; ownerId: string; memberId: string }): Promise<HouseholdRow> {
    const type = await this.requireType(request.wallet);
    if (request.ownerId === request.memberId) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'A member cannot join their own household', {
        argument: 'memberId',
      });
    }
    if (type.maxHouseholdMembers === 0) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, `Wallet ${type.code} is not shared by households`, {
        argument: 'wallet',
      });
    }
    const [ownerId, memberId] = await Promise.all([
      this.core.requireCustomer(request.ownerId, 'the household'),
      this.core.requireCustomer(request.memberId, 'the household'),
    ]);
    return this.core.withAccounts([ownerId, memberId], async (_books, tx) => {
      await walletStore.lock(tx, ownerId, type.code);
      const households = (await walletStore.householdsOf(tx, [ownerId, memberId])).filter(
        (h) => h.wallet === type.code,
      );
      const current = households.find((h) => h.member_id === memberId);
      if (current?.owner_id === ownerId) return current;
      if (current) {
        throw new LedgerError(
          LedgerErrorKind.WalletConflict,
          `The member already earns into another ${type.name} wallet`,
        );
      }
      if (households.some((h) => h.member_id === ownerId)) {
        throw new LedgerError(
          LedgerErrorKind.WalletConflict,
          `The owner earns into another member's ${type.name} wallet`,
        );
      }
      if (households.some((h) => h.owner_id === memberId)) {
        throw new LedgerError(LedgerErrorKind.WalletConflict, `The member owns a shared ${type.name} wallet`);
      }
      const own = await walletStore.lock(tx, memberId, type.code);
      if (own.balance > 0 || own.pending > 0) {
        throw new LedgerError(
          LedgerErrorKind.WalletConflict,
          `The member holds ${own.balance + own.pending} in their own ${type.name}: use it before sharing the owner's`,
        );
      }
      const members = households.filter((h) => h.owner_id === ownerId).length;
      if (members >= type.maxHouseholdMembers) {
        throw new LedgerError(
          LedgerErrorKind.WalletConflict,
          `The ${type.name} wallet is shared by ${members} members already, the most it may be`,
          { limit: type.maxHouseholdMembers },
        );
      }
      return walletStore.joinHousehold(tx, memberId, type.code, ownerId);
    });
  }

  async leaveHousehold(wallet: string, memberId: string): Promise<boolean> {
    const type = await this.requireType(wallet);
    return this.core.db.transaction((tx) => walletStore.leaveHousehold(tx, memberId, type.code));
  }

  /**
   * Moves what a merged member holds in wallets into the survivor's, in the merge's transaction:
   * each balance as a MERGE_OUT / MERGE_IN pair, pending amounts, lots and cards completed.
   */
  async merge(tx: Queryable, survivor: AccountBook, mergedId: string, mergeId: string, at: Date): Promise<void> {
    const survivorId = survivor.customerId;
    const accounts = (await walletStore.accountsOf(tx, [mergedId])).sort((a, b) => a.wallet.localeCompare(b.wallet));
    if (accounts.length === 0) return;
    for (const { wallet } of accounts) {
      const [first, second] = [mergedId, survivorId].sort();
      const locked = new Map([
        [first!, await this.lock(tx, first!, wallet)],
        [second!, await this.lock(tx, second!, wallet)],
      ]);
      const from = locked.get(mergedId)!;
      const into = locked.get(survivorId)!;
      const what = { sourceType: 'MERGE', sourceId: `merge:${mergeId}`, earnedBy: null, at };
      const entries: NewWalletEntry[] = [];
      if (from.balance > 0) {
        const amount = from.balance;
        from.balance = 0;
        into.balance += amount;
        entries.push(
          this.entry(from, 'MERGE_OUT', -amount, { ...what, reason: 'Moved to the profile this one was merged into' }),
        );
        entries.push(
          this.entry(into, 'MERGE_IN', amount, { ...what, reason: 'Moved from a profile merged into this one' }),
        );
      }
      into.pending += from.pending;
      into.lifetime += from.lifetime;
      into.cards_completed += from.cards_completed;
      Object.assign(from, { pending: 0, lifetime: 0, cards_completed: 0 });
      await walletStore.insertEntries(tx, entries);
      await this.save(tx, from, survivor, {
        ...what,
        kind: 'MERGE_OUT',
        reason: 'Moved to the profile this one was merged into',
      });
      await this.save(tx, into, survivor, {
        ...what,
        kind: 'MERGE_IN',
        reason: 'Moved from a profile merged into this one',
      });
    }
    await walletStore.moveWallets(tx, mergedId, survivorId);
  }

  householdsOf(customerIds: readonly string[]): Promise<HouseholdRow[]> {
    return walletStore.householdsOf(this.core.db, customerIds);
  }

  private async settle(tx: Queryable, book: AccountBook, type: WalletType): Promise<void> {
    const account = await this.lock(tx, book.customerId, type.code);
    await this.settleLocked(tx, book, account, type);
  }

  /**
   * Releases the locked account's due pending lots and expires its due lots (one released past its
   * expiry too), completing cards, and saves it: what the points job does, and what a spend does
   * first, so expired value never pays.
   */
  private async settleLocked(
    tx: Queryable,
    book: AccountBook,
    account: WalletAccountRow,
    type: WalletType,
  ): Promise<void> {
    const lots = await walletStore.openLots(tx, account.customer_id, type.code);
    const now = book.now;
    const released = lots.filter((lot) => lot.status === 'PENDING' && lot.available_at <= now);
    if (
      released.length === 0 &&
      !lots.some((lot) => lot.status === 'ACTIVE' && lot.expires_at !== null && lot.expires_at <= now)
    ) {
      return;
    }
    const entries: NewWalletEntry[] = [];
    for (const lot of released) {
      const amount = Number(lot.remaining);
      account.pending -= amount;
      account.balance += amount;
      account.lifetime += amount;
      entries.push(
        this.entry(account, 'RELEASE', amount, {
          sourceType: 'LOT',
          sourceId: String(lot.id),
          reason: 'Pending window closed',
          earnedBy: lot.earned_by,
          at: now,
        }),
      );
    }
    await walletStore.activate(
      tx,
      account.customer_id,
      released.map((lot) => Number(lot.id)),
    );
    const expired = lots.filter(
      (lot) => (lot.status === 'ACTIVE' || released.includes(lot)) && lot.expires_at !== null && lot.expires_at <= now,
    );
    const takes: LotTake[] = [];
    for (const lot of expired) {
      const amount = Number(lot.remaining);
      account.balance -= amount;
      takes.push({ lotId: Number(lot.id), points: amount });
      entries.push(
        this.entry(account, 'EXPIRE', -amount, {
          sourceType: 'EXPIRY',
          sourceId: String(lot.id),
          reason: `${type.name} expired`,
          earnedBy: null,
          at: now,
        }),
      );
    }
    await walletStore.takeFromLots(tx, account.customer_id, takes);
    await walletStore.insertEntries(tx, entries);
    await this.completeCards(tx, new Map([[book.customerId, book]]), account, type, now);
    await this.save(tx, account, book, {
      kind: released.length > 0 ? 'RELEASE' : 'EXPIRE',
      reason: released.length > 0 ? 'Pending window closed' : `${type.name} expired`,
      earnedBy: null,
      at: now,
    });
  }

  /** Completes the cards a stamp balance fills, paying each card's reward points into the owner's book. */
  private async completeCards(
    tx: Queryable,
    books: ReadonlyMap<string, AccountBook>,
    account: WalletAccountRow,
    type: WalletType,
    at: Date,
  ): Promise<void> {
    const { cards, stamps } = completedCards(type, account.balance);
    if (cards === 0) return;
    const book = books.get(account.customer_id);
    if (!book) throw new Error(`the points book of wallet owner ${account.customer_id} is not open`);
    const sourceId = `${type.code}:${account.customer_id}:${account.cards_completed + cards}`;
    await this.debit(tx, account, stamps, {
      kind: 'CARD_COMPLETED',
      sourceType: 'LOT',
      sourceId,
      reason: cards === 1 ? `${type.name}: card completed` : `${type.name}: ${cards} cards completed`,
      at,
    });
    account.cards_completed += cards;
    const points = cards * (type.cardRewardPoints ?? 0);
    if (points > 0) {
      await book.credit(
        [
          {
            kind: EntryKind.BONUS,
            points,
            reason: cards === 1 ? `Full card: ${type.name}` : `${cards} full cards: ${type.name}`,
            sourceType: SourceType.WALLET,
            sourceId,
          },
        ],
        { orderId: null, pendingUntil: null },
      );
    }
  }

  /** Debits `amount` from the wallet's active lots, soonest to expire first (the caller checked the balance). */
  private async debit(
    tx: Queryable,
    account: WalletAccountRow,
    amount: number,
    what: { kind: string; sourceType: string; sourceId: string; reason: string; at: Date },
  ): Promise<void> {
    const lots: WalletLotRow[] = await walletStore.openLots(tx, account.customer_id, account.wallet);
    const { takes, shortfall } = takeFromLots(lots.filter((lot) => lot.status === 'ACTIVE').map(toLot), amount);
    if (shortfall > 0) {
      throw new Error(
        `wallet lots of ${account.customer_id} in ${account.wallet} hold ${shortfall} less than its balance`,
      );
    }
    await walletStore.takeFromLots(tx, account.customer_id, takes);
    account.balance -= amount;
    await walletStore.insertEntries(tx, [this.entry(account, what.kind, -amount, { ...what, earnedBy: null })]);
  }

  /** An entry of `account` whose balance already includes `amount`. */
  private entry(
    account: WalletAccountRow,
    kind: string,
    amount: number,
    what: { sourceType: string; sourceId: string; reason: string; earnedBy: string | null; at: Date },
  ): NewWalletEntry {
    return {
      customerId: account.customer_id,
      wallet: account.wallet,
      kind,
      amount,
      balanceAfter: account.balance,
      reason: what.reason,
      sourceType: what.sourceType,
      sourceId: what.sourceId,
      earnedBy: what.earnedBy,
      at: what.at,
    };
  }
}
