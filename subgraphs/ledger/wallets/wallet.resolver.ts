import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, requireCustomerAccess, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import { Loyalty } from '../accounts/account.type';
import type { LedgerContext } from '../context';
import { Purchase } from '../purchases/purchase.type';
import { ProductReturn } from '../returns/return.type';
import { WalletKind } from './wallet.rules';
import { walletStore } from './wallet.store';
import {
  AdjustWalletInput,
  DefineWalletInput,
  JoinWalletHouseholdInput,
  PurchaseWalletEarning,
  PurchaseWalletPayment,
  SpendWalletInput,
  WalletBalance,
  WalletChange,
  WalletEntry,
  WalletExpiring,
  WalletHouseholdMember,
  WalletRefund,
  WalletType,
} from './wallet.type';

/** Staff who act on any member's wallet besides the member: the till, integrations, admins. */
const walletStaff = ['associate', 'service', 'admin', 'internal'] as const;

const farFuture = new Date('9999-01-01T00:00:00Z');

@Resolver(() => WalletType)
export class WalletResolver {
  @Authorized()
  @Query(() => [WalletType], { description: 'The wallets the program defines besides the points balance.' })
  walletTypes(@Ctx() ctx: LedgerContext): Promise<WalletType[]> {
    return ctx.wallets.types();
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => WalletType, {
    description:
      'Defines or changes a wallet (marketers): a stamp card, cashback or store credit, with its earning, pending window, expiry and household sharing. Earning applies to purchases recorded from now on; the kind of a code cannot change (CONFLICT).',
  })
  defineWallet(@Arg('input') input: DefineWalletInput, @Ctx() ctx: LedgerContext): Promise<WalletType> {
    return ctx.wallets.define(
      {
        code: input.code,
        kind: input.kind,
        name: input.name,
        currency: input.currency ?? null,
        stampsPerPurchase: input.stampsPerPurchase ?? null,
        minPurchaseAmount: input.minPurchaseAmount,
        stampsPerCard: input.stampsPerCard ?? null,
        cardRewardPoints: input.cardRewardPoints ?? null,
        cashbackBasisPoints: input.cashbackBasisPoints ?? null,
        pendingDays: input.pendingDays,
        expiryDays: input.expiryDays ?? null,
        maxHouseholdMembers: input.maxHouseholdMembers,
        active: input.active,
      },
      actorOf(ctx.principal),
    );
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => WalletChange, {
    description:
      'Spends money from a store credit or cashback wallet, idempotent by (member, wallet, idempotencyKey). More than the balance: INSUFFICIENT_POINTS (`extensions.balance`); a household member may not spend (FORBIDDEN): only the owner does. The member for themself, an associate, an integration, admins.',
  })
  async spendWallet(@Arg('input') input: SpendWalletInput, @Ctx() ctx: LedgerContext): Promise<WalletChange> {
    requireCustomerAccess(ctx.principal, input.customerId, walletStaff);
    const household = (await ctx.wallets.householdsOf([input.customerId])).find(
      (h) => h.member_id === input.customerId && h.wallet === input.wallet,
    );
    if (household) {
      throw forbidden(
        `This member earns into ${household.owner_id}'s ${input.wallet} wallet; only its owner spends it`,
      );
    }
    return ctx.wallets.spend(input, actorOf(ctx.principal));
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => WalletChange, {
    description:
      'Credits or debits a wallet by hand (goodwill store credit, a correction), with a reason, once per idempotencyKey. A debit larger than the balance: INSUFFICIENT_POINTS.',
  })
  async adjustWallet(@Arg('input') input: AdjustWalletInput, @Ctx() ctx: LedgerContext): Promise<WalletChange> {
    // A full card pays points: stamps by hand are an admin's, as points are.
    if ((await ctx.wallets.requireType(input.wallet)).kind === 'STAMPS' && ctx.principal?.role !== 'admin') {
      throw forbidden('Only an admin adjusts stamps: a full card pays points');
    }
    return ctx.wallets.adjust(
      {
        ...input,
        key: `adjust:${input.customerId}:${input.wallet}:${input.idempotencyKey}`,
        shownKey: input.idempotencyKey,
        campaign: false,
      },
      actorOf(ctx.principal),
    );
  }

  @Authorized('associate', 'admin')
  @Mutation(() => WalletHouseholdMember, {
    description:
      'Lets another member earn into the owner’s wallet (a household or shared card): their purchases’ earnings go to the owner, who alone spends them, up to the wallet’s maxHouseholdMembers (CONFLICT past it, when either already shares another way, or when the member still holds something in their own). Idempotent. An associate (with both members at the till) or an admin: a member alone may not send another member’s earnings anywhere.',
  })
  async joinWalletHousehold(
    @Arg('input') input: JoinWalletHouseholdInput,
    @Ctx() ctx: LedgerContext,
  ): Promise<WalletHouseholdMember> {
    const row = await ctx.wallets.joinHousehold(input);
    return { wallet: row.wallet, ownerId: row.owner_id, memberId: row.member_id, joinedAt: new Date(row.joined_at) };
  }

  @Authorized('member', 'associate', 'admin')
  @Mutation(() => Boolean, {
    description:
      'Ends a member’s sharing of a wallet: their purchases earn into their own from now on (what they earned stays with the owner). The member or the owner, an associate, admins. False when they were not sharing it.',
  })
  async leaveWalletHousehold(
    @Arg('wallet') wallet: string,
    @Arg('memberId', () => ID) memberId: string,
    @Ctx() ctx: LedgerContext,
  ): Promise<boolean> {
    if (!isUuid(memberId)) throw userInputError('memberId must be a UUID', { argument: 'memberId' });
    const caller = requirePrincipal(ctx.principal);
    if (caller.role === 'member' && caller.subject !== memberId) {
      const household = (await ctx.wallets.householdsOf([memberId])).find(
        (h) => h.member_id === memberId && h.wallet === wallet,
      );
      if (household?.owner_id !== caller.subject) throw forbidden('A member may only end their own household sharing');
    }
    return ctx.wallets.leaveHousehold(wallet, memberId);
  }
}

@Resolver(() => Loyalty)
export class LoyaltyWalletsResolver {
  @FieldResolver(() => [WalletBalance], {
    description:
      'The member’s wallets besides points: every active wallet, and any inactive one that still holds something. A household member sees the owner’s shared wallet (canSpend false). For one wallet’s history, ask `wallet(code)`.',
  })
  wallets(@Root() loyalty: Loyalty, @Ctx() ctx: LedgerContext): Promise<WalletBalance[]> {
    return walletBalances(ctx, loyalty.customerId, null);
  }

  @FieldResolver(() => WalletBalance, {
    nullable: true,
    description: 'One wallet of the member by its code (null when no such wallet is defined).',
  })
  async wallet(
    @Root() loyalty: Loyalty,
    @Arg('code') code: string,
    @Ctx() ctx: LedgerContext,
  ): Promise<WalletBalance | null> {
    return (await walletBalances(ctx, loyalty.customerId, code))[0] ?? null;
  }
}

/** The member's balances in the wallets (or the one of `code`), their household owner's where they share one. */
async function walletBalances(ctx: LedgerContext, id: string, code: string | null): Promise<WalletBalance[]> {
  const [allTypes, households] = await Promise.all([ctx.wallets.types(), ctx.wallets.householdsOf([id])]);
  const types = allTypes.filter((t) => code === null || t.code === code);
  if (types.length === 0) return [];
  const ownerOf = (wallet: string) => households.find((h) => h.member_id === id && h.wallet === wallet)?.owner_id ?? id;
  const owners = [...new Set([id, ...types.map((t) => ownerOf(t.code))])];
  const [accounts, lots] = await Promise.all([
    walletStore.accountsOf(ctx.db, owners),
    walletStore.expiringLots(ctx.db, owners, farFuture),
  ]);
  return types.flatMap((type) => {
    const ownerId = ownerOf(type.code);
    const account = accounts.find((a) => a.customer_id === ownerId && a.wallet === type.code);
    if (code === null && !type.active && !account?.balance && !account?.pending) return [];
    const byDate = new Map<number, number>();
    for (const lot of lots) {
      if (lot.customer_id !== ownerId || lot.wallet !== type.code || !lot.expires_at) continue;
      const at = lot.expires_at.getTime();
      byDate.set(at, (byDate.get(at) ?? 0) + Number(lot.remaining));
    }
    return [
      {
        customerId: id,
        type,
        ownerId,
        canSpend: ownerId === id && type.kind !== WalletKind.STAMPS,
        householdMembers: households
          .filter((h) => h.owner_id === ownerId && h.wallet === type.code)
          .map((h) => h.member_id),
        balance: account?.balance ?? 0,
        pending: account?.pending ?? 0,
        lifetime: account?.lifetime ?? 0,
        cardsCompleted: account?.cards_completed ?? 0,
        expiringByDate: [...byDate.entries()]
          .sort(([a], [b]) => a - b)
          .map(([at, amount]) => ({ amount, expiresAt: new Date(at) })),
      },
    ];
  });
}

@Resolver(() => WalletBalance)
export class WalletBalanceResolver {
  @FieldResolver(() => [WalletExpiring], { description: 'Usable balance by the date it expires, soonest first.' })
  expiring(
    @Root() balance: WalletBalance,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
  ): WalletExpiring[] {
    if (first < 1 || first > 100) throw userInputError('first must be between 1 and 100', { argument: 'first' });
    return balance.expiringByDate.slice(0, first);
  }

  @FieldResolver(() => [WalletEntry], { description: 'The wallet’s history, newest first.' })
  async history(
    @Root() balance: WalletBalance,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: LedgerContext,
  ): Promise<WalletEntry[]> {
    if (first < 1 || first > 100) throw userInputError('first must be between 1 and 100', { argument: 'first' });
    if (balance.ownerId !== balance.customerId) {
      // A household member sees what they earned into the owner's wallet, not the owner's spending.
      const rows = await walletStore.history(ctx.db, balance.ownerId, balance.type.code, 500, null);
      return rows
        .filter((row) => row.earned_by === balance.customerId)
        .slice(0, first)
        .map(toEntry);
    }
    return (await walletStore.history(ctx.db, balance.ownerId, balance.type.code, first, null)).map(toEntry);
  }
}

const toEntry = (row: {
  id: number;
  kind: string;
  amount: number;
  balance_after: number;
  reason: string;
  earned_by: string | null;
  created_at: Date;
}): WalletEntry => ({
  id: String(row.id),
  kind: row.kind,
  amount: Number(row.amount),
  balanceAfter: Number(row.balance_after),
  reason: row.reason,
  earnedBy: row.earned_by,
  createdAt: row.created_at,
});

@Resolver(() => ProductReturn)
export class ReturnWalletResolver {
  @FieldResolver(() => [WalletRefund], {
    description:
      'What the return gave back to the wallets that paid the purchase (`walletPayments`), in minor units: not to be refunded in cash. Cash to refund = refundAmount − pointsRefundAmount − these.',
  })
  async walletRefunds(@Root() productReturn: ProductReturn, @Ctx() ctx: LedgerContext): Promise<WalletRefund[]> {
    const entries = await walletStore.entriesBySource(ctx.db, 'RETURN', productReturn.id);
    return entries
      .filter((entry) => entry.kind === 'REFUND')
      .map((entry) => ({ wallet: entry.wallet, amount: Number(entry.amount) }));
  }
}

@Resolver(() => Purchase)
export class PurchaseWalletResolver {
  @FieldResolver(() => [PurchaseWalletEarning], {
    description: 'What the purchase earned into wallets besides points (on its cash part), and what returns took back.',
  })
  async walletEarnings(@Root() purchase: Purchase, @Ctx() ctx: LedgerContext): Promise<PurchaseWalletEarning[]> {
    const { earnings } = await walletStore.orderWallets(ctx.db, purchase.id);
    return earnings.map((e) => ({ wallet: e.wallet, ownerId: e.wallet_owner, amount: e.amount, reversed: e.reversed }));
  }

  @FieldResolver(() => [PurchaseWalletPayment], {
    description: 'What the member’s wallets (store credit, cashback) paid of the purchase, and what returns gave back.',
  })
  async walletPayments(@Root() purchase: Purchase, @Ctx() ctx: LedgerContext): Promise<PurchaseWalletPayment[]> {
    const { payments } = await walletStore.orderWallets(ctx.db, purchase.id);
    return payments.map((p) => ({ wallet: p.wallet, amount: p.amount, refunded: p.refunded }));
  }
}
