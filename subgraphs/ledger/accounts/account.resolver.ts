import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import type { LedgerContext } from '../context';
import { requireLedgerAccess } from './account.access';
import { toJournalEntry } from '../journal/journal.store';
import { JournalEntryConnection, type JournalEntry } from '../journal/journal.type';
import { Customer, Loyalty } from './account.type';

@Resolver(() => Customer)
export class CustomerLoyaltyResolver {
  @FieldResolver(() => Loyalty, {
    // Nullable so that the rest of a customer still answers while this subgraph is down.
    nullable: true,
    description: 'Balance and history; zero for a member who has no points yet.',
  })
  async loyalty(@Root() customer: Customer, @Ctx() ctx: LedgerContext): Promise<Loyalty> {
    requireLedgerAccess(ctx.principal, customer.id);
    const account = await ctx.loaders.accountByCustomerId.load(customer.id);
    return {
      customerId: customer.id,
      balance: account?.balance ?? 0,
      lifetimePoints: account?.lifetime_points ?? 0,
      lastEventId: account?.last_event_id == null ? null : String(account.last_event_id),
    };
  }
}

@Resolver(() => Loyalty)
export class LoyaltyHistoryResolver {
  @FieldResolver(() => JournalEntryConnection, { description: 'Journal entries, newest first.' })
  async history(
    @Root() loyalty: Loyalty,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<JournalEntry>> {
    checkPageSize(first);
    const beforeId = after ? decodeCursor<number>(after, 'number') : null;
    const rows = await ctx.loaders.historyPage.load({ customerId: loyalty.customerId, beforeId, limit: first + 1 });
    return toConnection(rows, first, (row) => row.id, toJournalEntry);
  }
}
