import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { ledgerEvents } from '../contract/events';
import {
  EntryKind,
  importedBalanceReason,
  postEntries,
  SourceType,
  type EntryDraft,
  type PostedEntry,
} from '../journal/journal.rules';
import { journalStore, type EntriesPosting } from '../journal/journal.store';
import {
  addMonths,
  expiryNotices,
  inactivityExpiry,
  lotExpiry,
  takeFromLots,
  type Lot,
  type LotTake,
} from '../lots/lot.rules';
import { lotStore, type NewLot, type PendingLot } from '../lots/lot.store';
import { purchaseStore } from '../purchases/purchase.store';
import { accountStore, type AccountRow } from './account.store';
import type { LedgerPolicy } from '../program/ledgerPolicy';
import { decideTier, rankOf, type TierProgram } from '../tiers/tier.rules';
import { tierStore } from '../tiers/tier.store';
import { orderEarningStore } from '../purchases/orderEarning.store';
import { receivedLots } from '../transfers/transfer.rules';

type Actor = NewEvent['actor'];

/** Points a change credits: on hold until `pendingUntil`, or spendable at once. */
export interface CreditOptions {
  orderId: string | null;
  pendingUntil: Date | null;
  /**
   * When the points were earned (a sale's `occurredAt`, at most now): the lot's earned date and the
   * start of its expiry. Default now. A lot earned so long ago that it has already expired is
   * posted as it was and expires on the next points job (or the next opening of this book).
   */
  earnedAt?: Date;
}

/**
 * One member's account inside one transaction, holding its row lock: every posting to a member goes
 * through here, so balance, pending points, lots, journal, tier and events change together.
 *
 * Opening the book first settles what is due at `now` (pending points whose hold ended, expired
 * lots), so nothing is ever spent from points that have expired, and a job that settles the same
 * account twice, or on two instances at once, finds nothing left to do the second time.
 */
export class AccountBook {
  private readonly entries: PostedEntry[] = [];
  private readonly events: Array<NewEvent<unknown>> = [];
  private lots: Lot[] | undefined;
  private marked: { balance: number; pending: number };
  private earnedDelta = 0;
  /** Points posted per entry kind since the last balance event (what program metrics count). */
  private kindsSinceMark: Partial<Record<EntryKind, number>> = {};
  /**
   * The qualifying points read in the statement that wrote this book's entries before save (a
   * purchase writes them with its order: journalWritten), until it posts again or takes a merge.
   */
  private qualifyingRead: number | undefined;
  /** Set when this book's postings count as member activity (for inactivity expiry). */
  private active = false;

  private constructor(
    private readonly tx: Queryable,
    private readonly row: AccountRow,
    readonly now: Date,
    private readonly policy: LedgerPolicy,
  ) {
    this.marked = { balance: row.balance, pending: row.pending };
  }

  /**
   * Locks (opening if needed) the member's account and settles what is due at `now`. The account of
   * a merged id is the one it was merged into.
   */
  static async open(tx: Queryable, customerId: string, now: Date, policy: LedgerPolicy): Promise<AccountBook> {
    // Most accounts exist: locked with their lots in one statement; a new one is opened first.
    const locked = await accountStore.lockWithLots(tx, [customerId], now);
    const row = locked.rows[0] ?? (await accountStore.openForUpdate(tx, customerId));
    if (row.merged_into) return AccountBook.open(tx, row.merged_into, now, policy);
    const book = new AccountBook(tx, row, now, policy);
    const { due, active } = (locked.rows[0] && locked.held) || (await lotStore.heldBy(tx, [customerId], now));
    book.lots = active.get(customerId) ?? [];
    await book.settle(due.get(customerId) ?? []);
    return book;
  }

  /**
   * `open` for several existing accounts, none merged into another, locked in id order in one
   * statement and settled as `open` settles each (what they hold read for all at once). Null when
   * an account is missing or merged: then nothing was settled, and the caller must not post (roll
   * back, or open them one by one in a new transaction).
   */
  static async openAll(
    tx: Queryable,
    customerIds: readonly string[],
    now: Date,
    policy: LedgerPolicy,
  ): Promise<Map<string, AccountBook> | null> {
    const ids = [...new Set(customerIds)].sort();
    const { rows, held } = await accountStore.lockWithLots(tx, ids, now);
    if (rows.length < ids.length || rows.some((row) => row.merged_into !== null)) return null;
    const { due, active } = held ?? (await lotStore.heldBy(tx, ids, now));
    const books = new Map<string, AccountBook>();
    for (const row of rows) {
      const book = new AccountBook(tx, row, now, policy);
      book.lots = active.get(row.customer_id) ?? [];
      await book.settle(due.get(row.customer_id) ?? []);
      books.set(row.customer_id, book);
    }
    return books;
  }

  get customerId(): string {
    return this.row.customer_id;
  }

  get balance(): number {
    return this.row.balance;
  }

  get pending(): number {
    return this.row.pending;
  }

  get tier(): string | null {
    return this.row.tier;
  }

  /** Credits points from `drafts` (all positive): spendable now, or pending until the hold ends. */
  async credit(drafts: readonly EntryDraft[], options: CreditOptions): Promise<void> {
    await AccountBook.creditAll(this.tx, [{ book: this, drafts, options }]);
  }

  /**
   * `credit` on several books open in one transaction (`tx`), one credit per book at most: the same
   * entries, totals and lots, the lots written in one statement, in the order of `credits`.
   */
  static async creditAll(
    tx: Queryable,
    credits: ReadonlyArray<{ book: AccountBook; drafts: readonly EntryDraft[]; options: CreditOptions }>,
  ): Promise<void> {
    const lots: Array<{ book: AccountBook; lot: NewLot }> = [];
    for (const { book, drafts, options } of credits) {
      const lot = book.creditInMemory(drafts, options);
      if (lot) lots.push({ book, lot });
    }
    const inserted = await lotStore.insertMany(
      tx,
      lots.map(({ lot }) => lot),
    );
    for (const [at, { book, lot }] of lots.entries()) {
      if (!lot.pending) (await book.activeLots()).push(inserted[at]!);
    }
  }

  /**
   * `creditAll` whose lots the caller writes in a statement of its own (a purchase writes them with
   * its order, issue 27), before anything else reads this transaction's lots: the lots to write,
   * in the order of `credits`. A book that gains a spendable lot reads its lots again if asked.
   */
  static creditAllDeferred(
    credits: ReadonlyArray<{ book: AccountBook; drafts: readonly EntryDraft[]; options: CreditOptions }>,
  ): NewLot[] {
    return credits.flatMap(({ book, drafts, options }) => {
      const lot = book.creditInMemory(drafts, options);
      if (!lot) return [];
      if (!lot.pending) book.lots = undefined;
      return [lot];
    });
  }

  /** A credit's entries and totals, in this book; the lot it needs written (null: no points). */
  private creditInMemory(drafts: readonly EntryDraft[], options: CreditOptions): NewLot | null {
    const points = drafts.reduce((sum, draft) => sum + draft.points, 0);
    if (points <= 0) return null;
    const pending = options.pendingUntil !== null && options.pendingUntil > this.now;
    const earnedAt = options.earnedAt && options.earnedAt < this.now ? options.earnedAt : this.now;
    if (pending) {
      this.row.pending += points;
    } else {
      this.post(drafts);
    }
    return {
      customerId: this.customerId,
      orderId: options.orderId,
      pending,
      points,
      earnedAt,
      availableAt: pending ? options.pendingUntil! : this.now,
      expiresAt: lotExpiry(this.policy.expiry, earnedAt),
    };
  }

  /**
   * Debits points from `drafts` (all negative), taking them from the lots of `preferOrderId` first,
   * then first-in first-out. Refuses (InsufficientPointsError, nothing posted) a debit larger than
   * the balance. Returns the lots and points it took.
   */
  async debit(drafts: readonly EntryDraft[], preferOrderId: string | null = null): Promise<LotTake[]> {
    const points = -drafts.reduce((sum, draft) => sum + draft.points, 0);
    if (points <= 0) return [];
    this.post(drafts);
    const lots = await this.activeLots();
    const { takes, shortfall } = takeFromLots(lots, points, preferOrderId);
    if (shortfall > 0)
      throw new Error(`ledger lots of ${this.customerId} hold ${shortfall} points less than its balance`);
    await this.takeFrom(lots, takes);
    return takes;
  }

  /**
   * Credits back points a debit took, into the lots they came from (a cancelled redemption). Those
   * lots are this account's: a merge moves every lot, spent ones too, to the survivor (moveInto).
   * A lot of another member throws, nothing posted, rather than leave this balance without lots.
   */
  async restore(drafts: readonly EntryDraft[], takes: readonly LotTake[]): Promise<void> {
    this.post(drafts);
    await lotStore.change(this.tx, takes, this.customerId);
    this.lots = undefined;
  }

  /** Takes points off a purchase's pending hold (a return inside its window). */
  async cancelPending(lotId: number, points: number): Promise<void> {
    if (points <= 0) return;
    this.row.pending -= points;
    await lotStore.change(this.tx, [{ lotId, points: -points }]);
  }

  /**
   * Moves everything this account holds into `survivor`'s (a profile merge): the balance as a
   * TRANSFER_OUT / TRANSFER_IN pair, pending points, the lots behind both with their expiry dates,
   * and lifetime points. Both books must be open in this transaction; this one is left empty.
   */
  async moveInto(survivor: AccountBook, mergeId: string): Promise<{ points: number; pending: number }> {
    const points = this.row.balance;
    const pending = this.row.pending;
    const entry = { sourceType: SourceType.MERGE, sourceId: mergeId };
    // The survivor's qualifying points now count the merged account's entries.
    this.qualifyingRead = undefined;
    survivor.qualifyingRead = undefined;
    if (points > 0) {
      this.post([{ ...entry, kind: EntryKind.TRANSFER_OUT, points: -points, reason: 'Moved to the merged profile' }]);
      survivor.post([
        { ...entry, kind: EntryKind.TRANSFER_IN, points, reason: 'Moved from a profile merged into this one' },
      ]);
    }
    this.row.pending = 0;
    survivor.row.pending += pending;
    // All of them, spent and pending ones too: a refund or a release later finds its lot on the survivor.
    await lotStore.moveLots(this.tx, this.customerId, survivor.customerId);
    this.lots = undefined;
    survivor.lots = undefined;
    survivor.earnedDelta += this.row.lifetime_points;
    this.earnedDelta -= this.row.lifetime_points;
    survivor.row.last_activity_at = latest(survivor.row.last_activity_at, this.row.last_activity_at);
    return { points, pending };
  }

  /**
   * Gives `points` of this account's spendable points to `recipient` (a member's transfer): a
   * TRANSFER_OUT entry here and a TRANSFER_IN entry there, both of source TRANSFER. The points leave
   * this account's lots as a redemption's would (soonest to expire first) and arrive as lots that
   * keep their earning and expiry dates (see receivedLots). Refuses more than the balance
   * (InsufficientPointsError, nothing posted). Both books must be open in this transaction.
   *
   * Transferred points are not earned: lifetime and tier-qualifying points change on neither side
   * (those count EARN, BONUS and returns only), so giving points cannot buy the recipient a tier.
   * Nor is a transfer activity: it does not reset either member's inactivity clock.
   */
  async transferTo(recipient: AccountBook, points: number, transferId: string): Promise<void> {
    const entry = { sourceType: SourceType.TRANSFER, sourceId: transferId };
    const lots = await this.activeLots();
    const takes = await this.debit([
      { ...entry, kind: EntryKind.TRANSFER_OUT, points: -points, reason: 'Points given to another member' },
    ]);
    recipient.post([{ ...entry, kind: EntryKind.TRANSFER_IN, points, reason: 'Points received from another member' }]);
    for (const lot of receivedLots(lots, takes)) {
      await lotStore.insert(this.tx, {
        customerId: recipient.customerId,
        orderId: null,
        pending: false,
        points: lot.points,
        earnedAt: lot.earnedAt,
        availableAt: this.now,
        expiresAt: lot.expiresAt,
      });
    }
    recipient.lots = undefined;
  }

  /**
   * Announces the points of this account that expire by date after now and by `until`: a
   * PointsExpiring event per expiry date, for the lots not announced yet, which are marked so that
   * no later run (nor another instance) announces them again. Returns the events published.
   */
  async announceExpiring(until: Date): Promise<number> {
    const lots = await lotStore.markExpiryNoticed(this.tx, this.customerId, this.now, until);
    const notices = expiryNotices(lots);
    for (const notice of notices) {
      this.events.push(
        ledgerEvents.PointsExpiring.event(
          this.customerId,
          {
            customerId: this.customerId,
            points: notice.points,
            expiresAt: notice.expiresAt.toISOString(),
            occurredAt: this.now.toISOString(),
          },
          null,
        ),
      );
    }
    return notices.length;
  }

  /** Marks this change as member activity (it resets the inactivity clock). */
  markActivity(): void {
    this.active = true;
  }

  /**
   * Records a balance event for everything posted since the previous one, when the balance or the
   * pending points changed.
   */
  noteChange(reason: string, transactionId: string, actor: Actor): void {
    const change = this.row.balance - this.marked.balance;
    const pendingChange = this.row.pending - this.marked.pending;
    if (change === 0 && pendingChange === 0) return;
    this.events.push(
      ledgerEvents.BalanceUpdated.event(
        this.customerId,
        {
          customerId: this.customerId,
          balance: this.row.balance,
          change,
          pending: this.row.pending,
          pendingChange,
          reason,
          transactionId,
          kinds: this.kindsSinceMark,
          postedAt: this.now.toISOString(),
        },
        actor,
      ),
    );
    this.marked = { balance: this.row.balance, pending: this.row.pending };
    this.kindsSinceMark = {};
  }

  /**
   * Publishes a domain event with this change (appended last, at save, like the balance events):
   * one a `ledgerEvents` contract built, so its payload was checked and carries its version.
   */
  publish(event: NewEvent<unknown>): void {
    this.events.push(event);
  }

  /**
   * Writes the journal entries and the account, re-evaluates the tier (`atReview` also applies a
   * lower tier), and appends the events, last, so the outbox lock is held only until commit.
   */
  save(tierProgram: TierProgram | null, atReview = false): Promise<void> {
    return AccountBook.saveAll(this.tx, [this], tierProgram, atReview);
  }

  /**
   * `save` for several books open in one transaction (`tx`, distinct accounts), as saving them one
   * after another in this order would: the journal entries, the tier reviews, the accounts and
   * then the events each written in one statement for all the books.
   */
  static async saveAll(
    tx: Queryable,
    books: readonly AccountBook[],
    tierProgram: TierProgram | null,
    atReview = false,
  ): Promise<void> {
    if (new Set(books.map((book) => book.customerId)).size < books.length) {
      // Two books of one account (ids merged meanwhile): saved one after another, the last one's totals kept.
      for (const book of books) await AccountBook.saveAll(tx, [book], tierProgram, atReview);
      return;
    }
    if (tierProgram && books.every((book) => book.entries.length === 0 && book.qualifyingRead !== undefined)) {
      for (const book of books) book.evaluateTier(tierProgram, atReview, book.qualifyingRead!);
    } else {
      const { postings, qualifying, windows } = AccountBook.journalOf(books, tierProgram);
      const qualifiedWithEntries = await journalStore.appendMany(tx, postings, qualifying);
      for (const book of books) book.entries.length = 0;
      for (const [since, group] of windows) {
        const points =
          qualifiedWithEntries ??
          (await tierStore.qualifyingPointsOf(
            tx,
            group.map((book) => book.customerId),
            new Date(since),
          ));
        for (const book of group) book.evaluateTier(tierProgram!, atReview, points.get(book.customerId) ?? 0);
      }
    }
    for (const book of books) if (book.active) book.row.last_activity_at = book.now;
    await accountStore.saveAllTotals(
      tx,
      books.map((book) => ({ row: book.row, earnedDelta: book.earnedDelta })),
      books.flatMap((book) => book.events.splice(0)),
    );
  }

  /**
   * What saving `books` writes to the journal, for a caller that writes it in a statement of its
   * own (a purchase, with its order) and then calls journalWritten: their entries, and with a tier
   * program the qualifying window to read in that statement (books opened together share their
   * clock, so their window is one; books of several clocks have none, and save reads each).
   */
  static journalOf(
    books: readonly AccountBook[],
    tierProgram: TierProgram | null,
  ): {
    postings: EntriesPosting[];
    qualifying: { customerIds: string[]; since: Date } | undefined;
    windows: Map<number, AccountBook[]>;
  } {
    const windows = new Map<number, AccountBook[]>();
    for (const book of tierProgram ? books : []) {
      const since = addMonths(book.now, -tierProgram!.windowMonths).getTime();
      windows.set(since, [...(windows.get(since) ?? []), book]);
    }
    const [only] = windows.size === 1 ? windows : [];
    return {
      postings: books.map((book) => ({ customerId: book.customerId, entries: book.entries, at: book.now })),
      qualifying: only && { customerIds: only[1].map((book) => book.customerId), since: new Date(only[0]) },
      windows,
    };
  }

  /**
   * Marks what journalOf gave as written, with the qualifying points read with it (null: none was
   * asked), so save writes no entries and decides the tier on them, unless a book posts again.
   */
  static journalWritten(books: readonly AccountBook[], qualifying: ReadonlyMap<string, number> | null): void {
    for (const book of books) {
      book.entries.length = 0;
      book.qualifyingRead = qualifying ? (qualifying.get(book.customerId) ?? 0) : undefined;
    }
  }

  private post(drafts: readonly EntryDraft[]): void {
    this.qualifyingRead = undefined;
    const posting = postEntries(this.row.balance, drafts);
    this.entries.push(...posting.entries);
    this.row.balance = posting.balance;
    for (const entry of posting.entries) {
      this.kindsSinceMark[entry.kind] = (this.kindsSinceMark[entry.kind] ?? 0) + entry.points;
      if (entry.kind === EntryKind.EARN || entry.kind === EntryKind.BONUS) this.earnedDelta += entry.points;
      if (entry.kind === EntryKind.REVERSE && entry.sourceType === SourceType.RETURN) this.earnedDelta += entry.points;
    }
  }

  private async activeLots(): Promise<Lot[]> {
    this.lots ??= await lotStore.active(this.tx, this.customerId);
    return this.lots;
  }

  private async takeFrom(lots: Lot[], takes: readonly LotTake[]): Promise<void> {
    for (const take of takes) {
      const lot = lots.find((candidate) => candidate.id === take.lotId)!;
      lot.remaining -= take.points;
    }
    await lotStore.change(
      this.tx,
      takes.map((take) => ({ lotId: take.lotId, points: -take.points })),
    );
  }

  /** Releases pending points whose hold has ended and expires what is due. */
  private async settle(dueLots: readonly PendingLot[]): Promise<void> {
    for (const due of dueLots) {
      // Released first, and only if still pending: a stale read of the lot never credits it twice.
      // The account row is locked and current, so it already counts what released the lot (skip
      // it); what this book read of its lots may be as stale, so it reads them again.
      const remaining = await lotStore.activate(this.tx, due.id, this.customerId);
      if (remaining === null) {
        this.lots = undefined;
        continue;
      }
      const lot = { ...due, remaining };
      const earnings = lot.orderId ? await orderEarningStore.ofOrder(this.tx, lot.orderId) : [];
      // A lot of no order is an imported balance's pending points.
      const imported: EntryDraft[] = lot.orderId
        ? []
        : [
            {
              kind: EntryKind.EARN,
              points: lot.remaining,
              reason: `${importedBalanceReason} (pending until ${lot.availableAt.toISOString()})`,
              sourceType: SourceType.ACTOR,
              sourceId: `import:lot:${lot.id}`,
            },
          ];
      const drafts: EntryDraft[] = [
        ...earnings
          .filter((earning) => earning.points - earning.reversed > 0)
          .map((earning) => ({
            kind: earning.kind,
            points: earning.points - earning.reversed,
            reason: `${earning.reason} (held until the return window closed)`,
            sourceType: SourceType.ORDER,
            sourceId: lot.orderId!,
            ruleId: earning.rule_id,
          })),
        ...imported,
      ];
      const released = drafts.reduce((sum, draft) => sum + draft.points, 0);
      if (released !== lot.remaining) {
        throw new Error(`pending lot ${lot.id} holds ${lot.remaining} points but its order releases ${released}`);
      }
      this.row.pending -= lot.remaining;
      this.post(drafts);
      if (lot.orderId) await purchaseStore.markReleased(this.tx, lot.orderId, this.now);
      this.lots = undefined;
      this.noteChange(
        'Points from a purchase are now available: its return window has closed',
        lot.orderId ?? `lot:${lot.id}`,
        null,
      );
    }

    const inactiveSince = inactivityExpiry(this.policy.expiry, this.row.last_activity_at);
    const expireAll = inactiveSince !== null && inactiveSince <= this.now;
    const lots = await this.activeLots();
    const due = lots.filter(
      (lot) => lot.remaining > 0 && (expireAll || (lot.expiresAt !== null && lot.expiresAt <= this.now)),
    );
    if (due.length === 0) return;
    const drafts = due.map((lot) => ({
      kind: EntryKind.EXPIRE,
      points: -lot.remaining,
      reason: expireAll
        ? `Expired after ${this.policy.expiry.kind === 'AFTER_INACTIVITY' ? this.policy.expiry.months : 0} months without activity`
        : `Points earned on ${lot.earnedAt.toISOString().slice(0, 10)} expired`,
      sourceType: SourceType.EXPIRY,
      sourceId: String(lot.id),
    }));
    this.post(drafts);
    await this.takeFrom(
      lots,
      due.map((lot) => ({ lotId: lot.id, points: lot.remaining })),
    );
    const expired = -drafts.reduce((sum, draft) => sum + draft.points, 0);
    this.noteChange(`${expired} points expired`, `expiry:${this.now.toISOString()}`, null);
  }

  /** Applies the tier `qualifying` points (in the program's window up to now) earn. */
  private evaluateTier(program: TierProgram, atReview: boolean, qualifying: number): void {
    const reviewDue = atReview && this.row.tier_review_at !== null && this.row.tier_review_at <= this.now;
    const decision = decideTier(program, this.row.tier, qualifying, reviewDue);
    if (decision.change === 'NONE') return;
    const nextReview = addMonths(this.now, program.windowMonths);
    if (decision.change === 'RENEW') {
      this.row.tier_review_at = rankOf(program, this.row.tier) > 0 ? nextReview : null;
      return;
    }
    const from = program.tiers[decision.from]!;
    const to = program.tiers[decision.to]!;
    this.row.tier = to.name;
    this.row.tier_since = this.now;
    this.row.tier_review_at = decision.to > 0 ? nextReview : null;
    this.events.push(
      ledgerEvents.TierChanged.event(
        this.customerId,
        {
          customerId: this.customerId,
          from: from.name,
          to: to.name,
          direction: decision.change,
          qualifyingPoints: qualifying,
          reviewAt: this.row.tier_review_at?.toISOString() ?? null,
        },
        null,
      ),
    );
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}
