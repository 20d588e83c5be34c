import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { AccountBook } from '../accounts/accountBook';
import { ledgerEvents } from '../contract/events';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType, type EntryDraft } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { allocateByAmount } from '../returns/return.rules';
import { tierStore } from '../tiers/tier.store';
import { currentTier, type TierProgram } from '../tiers/tier.rules';
import type { CampaignQuotes, PointsQuote, TierBenefit } from '../upstream/campaignQuotes';
import { orderEarningStore, type NewOrderEarning, type OrderEarningRow } from './orderEarning.store';
import { runGrouped, type Outcome } from './batch';
import { KeyedLock } from './keyedLock';
import { occurredAtOf } from '../program/occurredAt';
import { cashShareOf } from '../pointsPayments/pointsPayment.rules';
import type { PaymentToCapture, PointsPaymentService } from '../pointsPayments/pointsPayment.service';
import { lateEffectsOf } from '../program/lateEvent.rules';
import { toLateEffects } from '../program/lateEvent.type';
import { lineAmount, orderFingerprint, orderTotal, walletPaid, type PurchaseOrder } from './purchase.rules';
import { purchaseStore, type NewOrder, type OrderRow, type PurchaseHistoryFacts } from './purchase.store';
import type { PointsEarning, Purchase } from './purchase.type';
import { householdOwners, type WalletContext, type WalletService } from '../wallets/wallet.service';

const dayMs = 86_400_000;

/** How many members' orders of one batch are posted side by side, and in how many chunks (4 measured best of 2, 4, 8). */
const batchConcurrency = 4;

export function toEarning(row: Pick<OrderEarningRow, 'kind' | 'points' | 'reason' | 'rule_id'>): PointsEarning {
  return { kind: row.kind, points: row.points, reason: row.reason, ruleId: row.rule_id };
}

function toPurchase(order: OrderRow, earnings: readonly PointsEarning[]): Purchase {
  const pending = order.pending_until !== null && order.released_at === null;
  return {
    id: order.id,
    customer: { id: order.customer_id },
    channel: order.channel,
    externalOrderId: order.external_order_id,
    storeId: order.store_id,
    currency: order.currency,
    totalAmount: order.total_amount,
    pointsEarned: order.points_earned,
    pendingUntil: pending ? order.pending_until : null,
    balanceAfter: order.balance_after,
    earnings: [...earnings],
    pointsPayment: order.points_hold_id
      ? { holdId: order.points_hold_id, points: order.points_paid ?? 0, amount: order.points_amount ?? 0 }
      : null,
    occurredAt: order.occurred_at,
    recordedAt: order.recorded_at,
    late: toLateEffects(order.late),
  };
}

/** The quote's lines as this order's earnings, each split over the order's lines by amount. */
function toEarnings(orderId: string, order: PurchaseOrder, quote: PointsQuote): NewOrderEarning[] {
  const amounts = order.lines.map(lineAmount);
  // A campaign's wallet reward credits its wallet (earnOnPurchase), not points.
  return pointLines(quote).map((line, position) => {
    if (!Number.isSafeInteger(line.points) || line.points <= 0) {
      throw new LedgerError(LedgerErrorKind.UpstreamRejected, 'The campaign service quoted a line without points');
    }
    return {
      order_id: orderId,
      position,
      kind: line.kind === 'BASE' ? EntryKind.EARN : EntryKind.BONUS,
      points: line.points,
      reason: line.reason,
      rule_id: line.ruleId,
      line_points: allocateByAmount(line.points, amounts),
    };
  });
}

/**
 * The quote of an order paid partly with points or wallets: each line scaled to the cash part and
 * rounded down (lines left without points dropped), so only the cash part earns (issue 29).
 */
function cashPartOf(quote: PointsQuote, paidOtherwise: number, totalAmount: number): PointsQuote {
  const cash = totalAmount - paidOtherwise;
  return {
    ...quote,
    lines: quote.lines
      .map((line) => ({ ...line, points: cashShareOf(line.points, cash, totalAmount) }))
      .filter((line) => line.points > 0),
  };
}

const pointLines = (quote: PointsQuote) => quote.lines.filter((line) => !line.wallet);

/** What the quote's campaigns credit to wallets instead of points. */
const walletLines = (quote: PointsQuote) =>
  quote.lines.flatMap((line) =>
    line.wallet ? [{ wallet: line.wallet, amount: line.points, reason: line.reason }] : [],
  );

/** An order of a batch, read and claimed, ready to post. */
interface PreparedPurchase {
  /** With the account it posts to (a merged id's survivor). */
  order: PurchaseOrder;
  totalAmount: number;
  fingerprint: string;
  tier: TierBenefit | null;
  history: PurchaseHistoryFacts;
  quote: PointsQuote;
  wallets: WalletContext;
}

/** A quoted order as it posts to its member's book. */
interface Posting {
  order: PurchaseOrder;
  totalAmount: number;
  fingerprint: string;
  quote: PointsQuote;
  history: PurchaseHistoryFacts;
  tierName: string | null;
  /** The hold the order captures, checked before it was quoted (absent: all cash). */
  payment?: PaymentToCapture | null;
  /** The wallets its cash part earns into (read with the quote facts). */
  wallets: WalletContext;
}

/** Thrown inside the account lock when the history a quote was made for has changed. */
class StaleHistory extends Error {}

const maxQuoteAttempts = 5;

/** The campaign claim's idempotency key: the purchase's own. */
const claimKey = (order: PurchaseOrder): string =>
  `purchase:${order.channel}:${order.storeId ?? ''}:${order.externalOrderId}`;

/**
 * Whether two views of a member's history quote an order alike: campaigns ask only whether it is the
 * first purchase ever and the first in the order's channel, and the tier sets the multiplier. So
 * racing purchases of one member re-quote at most when one of those flips, not on every purchase.
 */
const quotesAlike = (a: PurchaseHistoryFacts, b: PurchaseHistoryFacts, channel: string): boolean =>
  a.tier === b.tier &&
  (a.purchasesBefore === 0) === (b.purchasesBefore === 0) &&
  a.channelsBefore.includes(channel) === b.channelsBefore.includes(channel);

/**
 * What a member's next purchase is quoted with besides the order: the account it posts to, the
 * tier whose multiplier it earns, and the purchases before it. The ledger's claim and the
 * storefront's `pointsQuote` both take them from here, so a quote and the purchase agree.
 */
export interface MemberQuoteFacts {
  customerId: string;
  tier: TierBenefit | null;
  history: PurchaseHistoryFacts;
}

/** The quote facts with what the purchase's transaction uses of them: the tier program, the wallets. */
type QuoteFactsRead = MemberQuoteFacts & { program: TierProgram | null; wallets: WalletContext };

export class PurchaseService {
  /** Runs after a member's first purchase commits (a referral that pays the referrer). */
  afterFirstPurchase: ((customerId: string) => Promise<void>) | undefined;

  private readonly members = new KeyedLock();

  constructor(
    private readonly core: LedgerCore,
    private readonly quotes: CampaignQuotes,
    private readonly payments: PointsPaymentService,
    private readonly wallets: WalletService,
  ) {}

  /** The member's quote facts now; a merged member's id answers for the account it was merged into. */
  async quoteFacts(customerId: string): Promise<MemberQuoteFacts> {
    const { program: _program, wallets: _wallets, ...facts } = await this.quoteFactsOf(customerId);
    return facts;
  }

  /**
   * The quote facts of the account `customerId` posts to (a merged id's survivor), with the tier
   * program they were read with, for the purchase's transaction to use rather than read again.
   */
  private async quoteFactsOf(customerId: string): Promise<QuoteFactsRead> {
    const [{ accountId, ...history }, program, wallets] = await Promise.all([
      purchaseStore.currentHistoryOf(this.core.db, customerId),
      tierStore.load(this.core.db),
      this.wallets.context([customerId]),
    ]);
    const tier = currentTier(program, history.tier);
    return {
      customerId: accountId,
      tier: tier && { name: tier.name, multiplierPercent: tier.multiplierPercent },
      history,
      program,
      wallets,
    };
  }

  /**
   * Records a purchase and credits the points it earns (at once, or pending until the return window
   * closes). Idempotent on (channel, store, external order id): a retry returns the first result and
   * changes nothing, even when the retries race each other.
   */
  async record(order: PurchaseOrder, actor: NewEvent['actor']): Promise<Purchase> {
    const totalAmount = orderTotal(order.lines);
    if (totalAmount === undefined) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'The order total is too large');
    }
    const fingerprint = orderFingerprint(order);
    // The quote facts are read beside the order's key and its account (one round trip, issue 27);
    // they are used only if nothing of this member ran in this process meanwhile (see quoteAndPost).
    const [existing, customerId, facts] = await Promise.all([
      purchaseStore.findByKey(this.core.db, order),
      this.core.requireCustomer(order.customerId, 'the purchase'),
      this.quoteFactsOf(order.customerId),
    ]);
    if (existing) return this.replay(existing, fingerprint);
    // A new order's time is checked (a retry's was when it was first recorded) and fixed here.
    const occurredAt = occurredAtOf(order.occurredAt, this.core.clock(), this.core.policy.maxLatenessDays);
    // A merged member's id posts to the account it was merged into.
    order = { ...order, customerId, occurredAt };
    // Paid partly with points: the hold is checked before anything is quoted (only then is it read).
    let payment: PaymentToCapture | null = null;
    if (order.pointsPayment) {
      try {
        payment = await this.payments.paymentFor(order.pointsPayment.holdId, order, totalAmount);
      } catch (error) {
        // A retry racing the request that captured the hold (committed since the key was read)
        // answers with that purchase, not with the hold's conflict.
        const winner = await purchaseStore.findByKey(this.core.db, order);
        if (winner) return this.replay(winner, fingerprint);
        throw error;
      }
    }
    // Paid partly from wallets: checked before anything is quoted (the spend is in the posting).
    if (order.walletPayments?.length) {
      this.wallets.checkPayments(facts.wallets, order, totalAmount, payment?.amount ?? 0);
    }
    // One member's purchases are quoted and posted one at a time in this process: a campaign claim
    // taken for one purchase (a first-purchase bonus) must not be overtaken by another's commit.
    const purchase = await this.members.run(order.customerId, (waited) =>
      this.quoteAndPost(
        order,
        totalAmount,
        fingerprint,
        actor,
        waited || facts.customerId !== customerId ? null : facts,
        payment,
      ),
    );
    if (purchase.firstPurchase && this.afterFirstPurchase) await this.afterFirstPurchase(order.customerId);
    return purchase.purchase;
  }

  /**
   * Records a batch of purchases: one outcome per order, in input order, each exactly as `record`
   * would answer it (idempotent, a failure only its own). One member's orders, and retries of one
   * order key, are posted one after another in input order; other members' side by side.
   */
  async recordBatch(orders: readonly PurchaseOrder[], actor: NewEvent['actor']): Promise<Outcome<Purchase>[]> {
    const groupOfKey = new Map<string, string>();
    const groups = orders.map((order) => {
      const key = claimKey(order);
      const group = groupOfKey.get(key) ?? order.customerId;
      groupOfKey.set(key, group);
      return group;
    });
    // The first order of each group is quoted and posted with the other groups' first orders; the
    // rest of a group (a member's further orders, whose quote depends on the first) as single calls.
    const leads = [...new Set(groups)].map((group) => groups.indexOf(group));
    const posted = this.postLeads(
      leads.map((index) => orders[index]!),
      actor,
    );
    return runGrouped(
      orders,
      (_, index) => groups[index]!,
      async (order, index) => {
        const lead = leads.indexOf(index);
        const purchase = lead >= 0 ? await posted[lead] : null;
        return purchase ?? this.record(order, actor);
      },
      batchConcurrency,
    );
  }

  /**
   * Records new orders of distinct members in a few chunks, each claimed in one campaign request and
   * posted in one transaction (one commit, one hold of the outbox's lock, for the whole chunk). A
   * chunk is all or nothing: when anything in it fails (a claim, a conflict, a member's history that
   * changed meanwhile), nothing of it is posted and its orders answer null, for `record` to take one
   * by one, exactly as single calls. So are a retry, a member without an account yet, a total too large.
   */
  private postLeads(orders: readonly PurchaseOrder[], actor: NewEvent['actor']): Array<Promise<Purchase | null>> {
    const prepared = this.prepareLeads(orders);
    const size = Math.max(1, Math.ceil(orders.length / batchConcurrency));
    const chunks = new Map<number, Promise<Map<number, Purchase> | null>>();
    return orders.map(async (_, index) => {
      const first = index - (index % size);
      if (!chunks.has(first)) {
        chunks.set(
          first,
          prepared.then(({ leads, program }) =>
            this.postChunk(leads.slice(first, first + size), first, program, actor),
          ),
        );
      }
      return (await chunks.get(first)!)?.get(index) ?? null;
    });
  }

  /**
   * Each order's account and quote facts, read for all at once (null for an order `record` must
   * take), and the tier program they were read with.
   */
  private async prepareLeads(orders: readonly PurchaseOrder[]): Promise<{
    leads: Array<Omit<PreparedPurchase, 'quote'> | null>;
    program: TierProgram | null;
  }> {
    const { db } = this.core;
    try {
      const [existing, accounts, program, wallets] = await Promise.all([
        purchaseStore.findByKeys(db, orders),
        purchaseStore.currentIds(
          db,
          orders.map((order) => order.customerId),
        ),
        tierStore.load(db),
        this.wallets.context(orders.map((order) => order.customerId)),
      ]);
      const histories = await purchaseStore.historiesOf(db, [...accounts.values()]);
      const seen = new Set<string>();
      const leads = orders.map((order, index) => {
        const totalAmount = orderTotal(order.lines);
        const accountId = accounts.get(order.customerId);
        const history = accountId && histories.get(accountId);
        // Two ids merged into one account: the second one's quote depends on the first. An order
        // paid with points is checked and captured by `record`, as is a household member's (it
        // locks the owner's account too).
        if (
          order.pointsPayment ||
          order.walletPayments?.length ||
          householdOwners(wallets, order.customerId).length > 0 ||
          totalAmount === undefined ||
          existing.has(index) ||
          !accountId ||
          !history ||
          seen.has(accountId)
        ) {
          return null;
        }
        let occurredAt: Date;
        try {
          occurredAt = occurredAtOf(order.occurredAt, this.core.clock(), this.core.policy.maxLatenessDays);
        } catch {
          return null; // `record` refuses it as a single call would
        }
        seen.add(accountId);
        const tier = currentTier(program, history.tier);
        return {
          order: { ...order, customerId: accountId, occurredAt },
          totalAmount,
          fingerprint: orderFingerprint(order),
          tier: tier && { name: tier.name, multiplierPercent: tier.multiplierPercent },
          history,
          wallets,
        };
      });
      return { leads, program };
    } catch {
      return { leads: orders.map(() => null), program: null };
    }
  }

  /** Claims and posts one chunk (`offset`: its first order's index); null when any of it failed. */
  private async postChunk(
    chunk: ReadonlyArray<Omit<PreparedPurchase, 'quote'> | null>,
    offset: number,
    tierProgram: TierProgram | null,
    actor: NewEvent['actor'],
  ): Promise<Map<number, Purchase> | null> {
    const ready = chunk.flatMap((candidate, index) => (candidate ? [{ ...candidate, index: offset + index }] : []));
    if (ready.length === 0) return null;
    try {
      const now = this.core.clock();
      // Campaigns judge each sale as of when it happened.
      const quotes = await this.quotes.claimPurchases(
        ready.map(({ order, tier, history }) => ({
          key: claimKey(order),
          order,
          tier,
          history,
          at: order.occurredAt ?? now,
        })),
      );
      const purchases = await this.core.withAccounts(
        ready.map(({ order }) => order.customerId),
        async (books, tx) => {
          // Each order to its own account's book (an id merged meanwhile goes one by one).
          const accounts = new Set(books.map((book) => book.customerId));
          if (
            accounts.size < books.length ||
            books.some((book, at) => book.customerId !== ready[at]!.order.customerId)
          ) {
            throw new StaleHistory();
          }
          const purchases = await this.postInBooks(
            tx,
            ready.map((item, at) => ({
              book: books[at]!,
              posting: { ...item, quote: quotes[at]!, tierName: item.tier?.name ?? null },
            })),
            tierProgram,
            actor,
          );
          return new Map(ready.map((item, at) => [item.index, purchases[at]!]));
        },
        undefined,
        { together: true, tierProgram },
      );
      for (const item of ready) {
        if (item.history.purchasesBefore === 0 && this.afterFirstPurchase) {
          await this.afterFirstPurchase(item.order.customerId);
        }
      }
      return purchases;
    } catch {
      // Nothing of the chunk was posted; its orders go one by one (their claims are idempotent).
      return null;
    }
  }

  private async quoteAndPost(
    order: PurchaseOrder,
    totalAmount: number,
    fingerprint: string,
    actor: NewEvent['actor'],
    factsRead: QuoteFactsRead | null,
    payment: PaymentToCapture | null,
  ): Promise<{ purchase: Purchase; firstPurchase: boolean }> {
    for (let attempt = 1; ; attempt++) {
      // The quote depends on the member's history (first purchase, first in this channel) and tier;
      // if another ledger instance changed them while this one was quoted, quote it again. (The
      // posting checks them under the account lock either way: facts read early are only slower
      // when stale, never wrong.)
      const { tier, history, program, wallets } =
        attempt === 1 && factsRead ? factsRead : await this.quoteFactsOf(order.customerId);
      const claimed = await this.core.upstream(
        () => this.quotes.claimPurchase(claimKey(order), order, tier, history, order.occurredAt ?? this.core.clock()),
        'the purchase',
      );
      const paidOtherwise = (payment?.amount ?? 0) + walletPaid(order);
      const quote = paidOtherwise > 0 ? cashPartOf(claimed, paidOtherwise, totalAmount) : claimed;
      try {
        const purchase = await this.post(
          order,
          { totalAmount, fingerprint, quote, history, tierName: tier?.name ?? null, payment, wallets },
          program,
          actor,
        );
        return { purchase, firstPurchase: history.purchasesBefore === 0 };
      } catch (error) {
        if (!(error instanceof StaleHistory)) throw error;
        if (attempt === maxQuoteAttempts) {
          throw new LedgerError(
            LedgerErrorKind.UpstreamUnavailable,
            "The member's purchases changed while this one was being quoted; retry it",
          );
        }
      }
    }
  }

  private post(
    order: PurchaseOrder,
    quoted: Omit<Posting, 'order'>,
    tierProgram: TierProgram | null,
    actor: NewEvent['actor'],
  ): Promise<Purchase> {
    // A household member's purchase earns into the owner's wallets: the owner's book is locked too
    // (a stamp card it completes pays into the owner's points).
    return this.core.withAccounts(
      [order.customerId, ...householdOwners(quoted.wallets, order.customerId)],
      ([book, ...owners], tx) => this.postInBook(book!, tx, { order, ...quoted }, tierProgram, actor, owners),
      async (constraint) => {
        if (constraint !== 'orders_idempotency_key') return undefined;
        // A concurrent retry of the same order committed first: answer with its result.
        const winner = await purchaseStore.findByKey(this.core.db, order);
        return winner && this.replay(winner, quoted.fingerprint);
      },
      { tierProgram },
    );
  }

  /** Posts a quoted order to its member's open book (see postInBooks). */
  private async postInBook(
    book: AccountBook,
    tx: Queryable,
    posting: Posting,
    tierProgram: TierProgram | null,
    actor: NewEvent['actor'],
    owners: readonly AccountBook[] = [],
  ): Promise<Purchase> {
    return (await this.postInBooks(tx, [{ book, posting }], tierProgram, actor, owners))[0]!;
  }

  /**
   * Posts quoted orders, each to its member's open book (one order per book, distinct accounts):
   * the orders, their earnings, the points, the events, each table written in one statement for
   * all of them, as posting them one after another would leave it. Throws StaleHistory (the
   * transaction rolls back) when a member's history no longer quotes their order alike.
   */
  private async postInBooks(
    tx: Queryable,
    items: ReadonlyArray<{ book: AccountBook; posting: Posting }>,
    tierProgram: TierProgram | null,
    actor: NewEvent['actor'],
    owners: readonly AccountBook[] = [],
  ): Promise<Purchase[]> {
    const drafts = items.map(({ book, posting }) => {
      const { order, totalAmount, fingerprint, quote } = posting;
      const orderId = randomUUID();
      const earnings = toEarnings(orderId, order, quote);
      const points = earnings.reduce((sum, earning) => sum + earning.points, 0);
      // The sale's own time (checked by `record`), never after the book's clock: the return window
      // and the lot's earned date and expiry count from it.
      const occurredAt = order.occurredAt && order.occurredAt < book.now ? order.occurredAt : book.now;
      const pendingUntil =
        this.core.policy.pendingDays > 0 ? new Date(occurredAt.getTime() + this.core.policy.pendingDays * dayMs) : null;
      const lines = order.lines.map(({ sku, category, quantity, unitPrice }) => ({
        sku,
        category: category ?? null,
        quantity,
        unitPrice,
      }));
      const row: NewOrder = {
        id: orderId,
        customer_id: order.customerId,
        channel: order.channel,
        external_order_id: order.externalOrderId,
        store_id: order.storeId ?? null,
        currency: order.currency,
        total_amount: totalAmount,
        lines,
        fingerprint,
        points_earned: points,
        balance_after: book.balance + (pendingUntil ? 0 : points),
        pending_until: points > 0 ? pendingUntil : null,
        released_at: null,
        occurred_at: occurredAt,
        late: lateEffectsOf(occurredAt, book.now, posting.tierName, quote.campaignNotes),
      };
      return { book, posting, orderId, earnings, points, occurredAt, pendingUntil, lines, row };
    });
    // The points in each book first (in memory): their lots are written with the orders.
    const lots = AccountBook.creditAllDeferred(
      drafts.map(({ book, orderId, earnings, pendingUntil, occurredAt }) => ({
        book,
        drafts: earnings.map((earning): EntryDraft => ({
          kind: earning.kind,
          points: earning.points,
          reason: earning.reason,
          sourceType: SourceType.ORDER,
          sourceId: orderId,
          ruleId: earning.rule_id,
        })),
        options: { orderId, pendingUntil, earnedAt: occurredAt },
      })),
    );
    // With the books' entries so far (what opening them settled, the credits) and the qualifying
    // points their tiers are decided on, so saving them writes only the accounts and the events.
    const books = items.map(({ book }) => book);
    const journal = AccountBook.journalOf(books, tierProgram);
    const { saved, purchasesBefore, qualifying } = await purchaseStore.insertWithEarnings(
      tx,
      drafts.map((draft) => draft.row),
      drafts.flatMap((draft) => draft.earnings),
      lots,
      journal,
    );
    AccountBook.journalWritten(books, qualifying);
    // Read in the statement that wrote the orders, under the account locks: the history now. (A
    // member merged meanwhile posts to the survivor's book, whose tier is not the one quoted.)
    // Thrown here, nothing of it commits.
    for (const [at, { book, posting }] of items.entries()) {
      const tier = book.customerId === posting.order.customerId ? book.tier : posting.history.tier;
      const now = { tier, ...purchasesBefore[at]! };
      if (!quotesAlike(now, posting.history, posting.order.channel)) throw new StaleHistory();
    }
    // Paid partly with points: the hold is captured in the purchase's transaction (a hold no longer
    // open throws, nothing commits). Only such orders run this statement.
    for (const [at, { book, posting }] of items.entries()) {
      if (!posting.payment) continue;
      const hold = await this.payments.capture(book, tx, posting.payment, drafts[at]!.orderId, actor);
      saved[at] = { ...saved[at]!, points_hold_id: hold.id, points_paid: hold.points, points_amount: hold.amount };
    }
    // Paid partly from wallets: spent in this transaction (more than a wallet holds throws, nothing commits).
    for (const [at, { book, posting }] of items.entries()) {
      if (!posting.order.walletPayments?.length) continue;
      await this.wallets.payForPurchase(tx, book, posting.wallets, {
        order: posting.order,
        orderId: drafts[at]!.orderId,
        at: drafts[at]!.occurredAt,
      });
    }
    // Wallets (stamps, cashback) earn on the cash part; only a program with wallets runs this.
    const booksById = new Map([...items.map(({ book }) => book), ...owners].map((book) => [book.customerId, book]));
    for (const [at, { book, posting }] of items.entries()) {
      if (posting.wallets.types.length === 0) continue;
      await this.wallets.earnOnPurchase(tx, booksById, posting.wallets, {
        customerId: book.customerId,
        orderId: drafts[at]!.orderId,
        externalOrderId: posting.order.externalOrderId,
        currency: posting.order.currency,
        cashAmount: posting.totalAmount - (posting.payment?.amount ?? 0) - walletPaid(posting.order),
        at: drafts[at]!.occurredAt,
        campaignCredits: walletLines(posting.quote),
      });
    }
    return drafts.map(({ book, posting, orderId, earnings, points, occurredAt, lines }, at) => {
      const { order, totalAmount, tierName } = posting;
      book.markActivity();
      book.noteChange(`Purchase ${order.externalOrderId} (${order.channel})`, orderId, actor);
      book.publish(
        ledgerEvents.PurchaseRecorded.event(
          order.customerId,
          {
            purchaseId: orderId,
            customerId: order.customerId,
            channel: order.channel,
            storeId: order.storeId ?? null,
            currency: order.currency,
            totalAmount,
            lines,
            pointsEarned: points,
            // Each quote line with the rule that granted it (campaign performance reads them).
            earnings: earnings.map((earning) => ({
              kind: earning.kind,
              points: earning.points,
              ruleId: earning.rule_id,
            })),
            occurredAt: occurredAt.toISOString(),
            // The tier the purchase was quoted in, as the graph shows it (program metrics per tier).
            tier: tierName,
            // Absent when all was cash: those events stay exactly as they were.
            pointsPayment: posting.payment
              ? { holdId: posting.payment.holdId, points: posting.payment.points, amount: posting.payment.amount }
              : undefined,
          },
          actor,
        ),
      );
      return toPurchase(saved[at]!, earnings.map(toEarning));
    });
  }

  private async replay(existing: OrderRow, fingerprint: string): Promise<Purchase> {
    if (existing.fingerprint !== fingerprint) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Order ${existing.external_order_id} on ${existing.channel} was already recorded with different content`,
      );
    }
    const earnings = await orderEarningStore.ofOrder(this.core.db, existing.id);
    return toPurchase(existing, earnings.map(toEarning));
  }
}
