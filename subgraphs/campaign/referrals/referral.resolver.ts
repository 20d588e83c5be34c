import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireChannelAccess, requireCustomerAccess } from '../../../runtime/auth/authorize';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { connectionType, toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { isUuid } from '../../../runtime/validation/validators';
import type { CampaignContext } from '../context';
import { offerReaders } from '../offers/offer.access';
import { Customer } from '../offers/offer.type';
import { referralLink, ReferralStatus } from './referral.rules';
import type { ReferralRecord } from './referral.store';
import {
  Referral,
  ReferralCode,
  ReferralDecision,
  ReferralProgram,
  ReferralProgramInput,
  ReviewReferralInput,
  UseReferralCodeInput,
} from './referral.type';

const ReferralConnection = connectionType('Referral', Referral);
const managers = ['marketer', 'admin'] as const;

const toReferral = (record: ReferralRecord): Referral => ({
  id: record.id,
  referrer: { id: record.referrerId },
  friend: { id: record.friendId },
  code: record.code,
  channel: record.channel,
  status: record.status,
  signals: record.signals,
  createdAt: record.createdAt,
  reviewedAt: record.reviewedAt,
  reviewedBy: record.reviewedBy,
  reviewNote: record.reviewNote,
  recorded: record.recordedAt !== null,
});

const cursorOf = (record: ReferralRecord): string => `${record.createdAt.toISOString()}|${record.friendId}`;

function positionOf(after: string | null): { createdAt: string; friendId: string } | undefined {
  if (!after) return undefined;
  const [createdAt, friendId] = decodeCursor<string>(after, 'string').split('|');
  if (!createdAt || !friendId || !isUuid(friendId) || Number.isNaN(Date.parse(createdAt))) {
    throw userInputError('after is not a referral cursor', { argument: 'after' });
  }
  return { createdAt, friendId };
}

@Resolver(() => Customer)
export class CustomerReferralResolver {
  @FieldResolver(() => ReferralCode, {
    nullable: true,
    description:
      "The member's referral code and link (made on first ask) and how their referrals stand: the member, staff and marketers.",
  })
  async referral(@Root() customer: Customer, @Ctx() ctx: CampaignContext): Promise<ReferralCode> {
    requireCustomerAccess(ctx.principal, customer.id, offerReaders);
    const [code, program, counts] = await Promise.all([
      ctx.referrals.codeOf(customer.id),
      ctx.referrals.program(),
      ctx.referrals.counts(customer.id),
    ]);
    return {
      code,
      link: referralLink(program.linkBase, code),
      accepted: counts.get(ReferralStatus.ACCEPTED) ?? 0,
      held: counts.get(ReferralStatus.HELD) ?? 0,
    };
  }
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Authorized('member', 'service', 'associate', 'admin')
  @Mutation(() => Referral, {
    description:
      "A new member enrolls with a friend's referral code: refused (BAD_USER_INPUT or CONFLICT, with `extensions.signal`) for a self-referral, an existing member or a referrer at their cap; HELD for a marketer's review on a fraud signal; else ACCEPTED: the friend's REFERRED_FRIEND reward is credited and the referrer is paid after the friend's first purchase. Idempotent per friend: the same code again answers the same referral. The member themself, an integration for its channel, an associate in store.",
  })
  useReferralCode(@Arg('input') input: UseReferralCodeInput, @Ctx() ctx: CampaignContext): Promise<Referral> {
    const principal = ctx.principal!;
    if (principal.role === 'member') requireCustomerAccess(principal, input.friendId, []);
    else requireChannelAccess(principal, input.channel, principal.storeId ?? null);
    return ctx.referrals
      .use({
        friendId: input.friendId,
        code: input.code,
        channel: input.channel,
        deviceHash: input.deviceHash ?? null,
        addressHash: input.addressHash ?? null,
        cardHash: input.cardHash ?? null,
      })
      .then(toReferral);
  }

  @Authorized(...managers)
  @Mutation(() => Referral, {
    description:
      'Approves a HELD referral (it is then taken as if accepted at once) or rejects it (nothing is paid). The same decision again answers it unchanged; any other change of a referral not held is CONFLICT.',
  })
  async reviewReferral(@Arg('input') input: ReviewReferralInput, @Ctx() ctx: CampaignContext): Promise<Referral> {
    const principal = ctx.principal!;
    return toReferral(
      await ctx.referrals.review(
        input.id,
        input.decision === ReferralDecision.APPROVE,
        input.note ?? null,
        `${principal.role}:${principal.subject}`,
      ),
    );
  }

  @Authorized(...managers)
  @Query(() => ReferralConnection, {
    description:
      "Referrals, oldest first: `statuses: [HELD]` is the review queue; `referrerId` one member's (marketers).",
  })
  async referrals(
    @Ctx() ctx: CampaignContext,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('statuses', () => [ReferralStatus], { nullable: true }) statuses: ReferralStatus[] | null,
    @Arg('referrerId', () => ID, { nullable: true }) referrerId: string | null,
  ): Promise<Connection<Referral>> {
    checkPageSize(first);
    if (referrerId != null && !isUuid(referrerId)) {
      throw userInputError('referrerId must be a customer id (UUID)', { argument: 'referrerId' });
    }
    const rows = await ctx.referrals.list({
      statuses: statuses ?? null,
      referrerId: referrerId ?? null,
      first,
      after: positionOf(after ?? null),
    });
    return toConnection(rows, first, cursorOf, toReferral);
  }

  @Authorized()
  @Query(() => ReferralProgram, { description: "The program's referral rules: link, cap, fraud-signal window." })
  referralProgram(@Ctx() ctx: CampaignContext): Promise<ReferralProgram> {
    return ctx.referrals.program();
  }

  @Authorized(...managers)
  @Mutation(() => ReferralProgram, { description: "Sets the program's referral rules (marketers)." })
  setReferralProgram(@Arg('input') input: ReferralProgramInput, @Ctx() ctx: CampaignContext): Promise<ReferralProgram> {
    return ctx.referrals.setProgram({ ...input });
  }
}
