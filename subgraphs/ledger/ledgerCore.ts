import { hasSqlState, SqlState, type Database, type Queryable } from '../../runtime/database/database';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { UpstreamError } from '../../runtime/http/graphqlRequest';
import { accountStore } from './accounts/account.store';
import { AccountBook } from './accounts/accountBook';
import { LedgerError, LedgerErrorKind } from './errors';
import { InsufficientPointsError } from './journal/journal.rules';
import type { LedgerPolicy } from './program/ledgerPolicy';
import { tierStore } from './tiers/tier.store';
import type { TierProgram } from './tiers/tier.rules';
import type { ProfileDirectory } from '../profile/contract/profileDirectory';

/** Accounts asked to be opened together that cannot be: one has no account yet, or was merged. */
export class AccountsNotTogether extends Error {}

function throwNotTogether(): never {
  throw new AccountsNotTogether('An account of the batch is new or merged');
}

export interface AccountsOptions {
  /**
   * Locks and settles the accounts all at once (AccountBook.openAll; a batch of members' purchases):
   * throws AccountsNotTogether, nothing changed, when one has no account yet or was merged.
   */
  together?: boolean;
  /**
   * The tier program the change was computed with (a purchase's quote read it), so the transaction
   * does not read it again; omitted, the transaction reads it. Either way a program replaced while
   * the change runs applies from the next posting on: the program is not locked.
   */
  tierProgram?: TierProgram | null;
}

/** What every ledger operation shares: the database, the clock, the policy, the profile lookup. */
export class LedgerCore {
  constructor(
    readonly db: Database,
    readonly policy: LedgerPolicy,
    readonly clock: () => Date,
    private readonly profiles: ProfileDirectory,
  ) {}

  /**
   * Runs `work` on a member's locked account in one transaction and saves the book afterwards.
   * An InsufficientPointsError becomes INSUFFICIENT_POINTS; `onUniqueViolation` answers a retry that
   * lost a race to insert the same idempotency key.
   */
  withAccount<T>(
    customerId: string,
    work: (book: AccountBook, tx: Queryable) => Promise<T>,
    onUniqueViolation?: (constraint: string | undefined) => Promise<T | undefined>,
    options: AccountsOptions = {},
  ): Promise<T> {
    return this.withAccounts([customerId], ([book], tx) => work(book!, tx), onUniqueViolation, options);
  }

  /**
   * `withAccount` for a change of several accounts at once (a transfer between members): the books
   * come in the order of `customerIds`, but the accounts are locked in id order, as merges lock
   * them, so two changes that share accounts never wait for each other in a cycle.
   *
   * See AccountsOptions for `together` and `tierProgram`.
   */
  async withAccounts<T>(
    customerIds: readonly string[],
    work: (books: AccountBook[], tx: Queryable) => Promise<T>,
    onUniqueViolation?: (constraint: string | undefined) => Promise<T | undefined>,
    { together = false, tierProgram }: AccountsOptions = {},
  ): Promise<T> {
    try {
      return await this.db.transaction(async (tx) => {
        const program = tierProgram === undefined ? await tierStore.load(tx) : tierProgram;
        const now = this.clock();
        let opened = new Map<string, AccountBook>();
        if (together) {
          opened = (await AccountBook.openAll(tx, customerIds, now, this.policy)) ?? throwNotTogether();
        } else {
          for (const id of [...new Set(customerIds)].sort()) {
            opened.set(id, await AccountBook.open(tx, id, now, this.policy));
          }
        }
        const books = customerIds.map((id) => opened.get(id)!);
        const result = await work(books, tx);
        await AccountBook.saveAll(tx, [...opened.values()], program);
        return result;
      });
    } catch (error) {
      if (onUniqueViolation && hasSqlState(error, SqlState.uniqueViolation)) {
        const answer = await onUniqueViolation(error.constraint);
        if (answer !== undefined) return answer;
      }
      if (error instanceof InsufficientPointsError) {
        throw new LedgerError(LedgerErrorKind.InsufficientPoints, error.message, {
          balance: error.balance,
          requested: error.requested,
        });
      }
      throw error;
    }
  }

  /**
   * The account a customer id posts to: itself, or the survivor of a profile merge. Refuses an id
   * no profile has (NOT_FOUND) before an account is opened for it.
   */
  async requireCustomer(customerId: string, what: string): Promise<string> {
    const current = await accountStore.currentId(this.db, customerId);
    if (current) return current;
    const known = await this.upstream(() => this.profiles.customerExists(customerId), what);
    if (!known) throw new LedgerError(LedgerErrorKind.UnknownCustomer, `No customer has the id ${customerId}`);
    return customerId;
  }

  /** Runs a call to another service; its failure becomes the ledger's own error, with nothing changed. */
  async upstream<T>(call: () => Promise<T>, what: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof UpstreamError) {
        // Unavailable: retry later. Rejected as bad input: the caller's to fix. Rejected otherwise:
        // a fault between our services that a retry will not cure.
        const kind =
          error.kind === 'UpstreamUnavailable'
            ? LedgerErrorKind.UpstreamUnavailable
            : error.details.upstreamCode === ErrorCode.BAD_USER_INPUT
              ? LedgerErrorKind.InvalidInput
              : LedgerErrorKind.UpstreamRejected;
        throw new LedgerError(kind, `${error.message}; ${what} was not recorded`);
      }
      throw error;
    }
  }
}
