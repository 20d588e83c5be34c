import { IsIn, IsInt, IsOptional, IsUrl, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../offers/offer.type';
import { ReferralSignal, ReferralStatus, type CapPeriodOfReferrals, type ReferralProgramRules } from './referral.rules';

export enum ReferralDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  valuesConfig: {
    ACCEPTED: {
      description:
        "Taken: the friend's reward is credited; the referrer is paid once the friend's first purchase has left its pending window unreturned.",
    },
    HELD: {
      description: 'Held for review by a fraud signal (`signals`): nothing is paid until a marketer approves it.',
    },
    REJECTED: { description: 'Rejected by a marketer after review: nothing is paid.' },
  },
});
registerEnumType(ReferralSignal, {
  name: 'ReferralSignal',
  description:
    "Why a referral was refused (SELF_REFERRAL, EXISTING_MEMBER, CAP_REACHED: the error's `extensions.signal`) or held for review (the rest).",
  valuesConfig: {
    SELF_REFERRAL: { description: "Refused: the code is the friend's own." },
    EXISTING_MEMBER: {
      description:
        "Refused: the friend enrolled longer ago than the program's `newMemberHours`, or has bought already.",
    },
    CAP_REACHED: { description: 'Refused: the referrer reached `capPerReferrer` in the current `capPeriod`.' },
    SHARED_EMAIL: {
      description: "Held: the friend's email reaches the referrer's mailbox (case, dots at Gmail, +tags).",
    },
    SHARED_PHONE: { description: "Held: the friend's phone number is the referrer's." },
    SHARED_CARD: {
      description: "Held: the friend's card hash was on another referral within the window, or on the referrer's.",
    },
    SAME_DEVICE: {
      description: "Held: the friend's device hash was on another referral within the window, or on the referrer's.",
    },
    SAME_ADDRESS: {
      description: "Held: the friend's address hash was on another referral within the window, or on the referrer's.",
    },
  },
});
registerEnumType(ReferralDecision, { name: 'ReferralDecision' });

@ObjectType({ description: "A member's referral code, the link to share, and how their referrals stand." })
export class ReferralCode {
  @Field({
    description: '8 letters and digits (no 0, O, 1, I or L); friends may type it in any case, with spaces or dashes.',
  })
  code!: string;

  @Field({ description: "The program's `linkBase` with `ref=<code>`: a storefront or app reads `ref` at sign-up." })
  link!: string;

  @Field(() => Int, { description: 'Friends who enrolled with the code and were taken.' })
  accepted!: number;

  @Field(() => Int, { description: "Friends whose referral waits for a marketer's review." })
  held!: number;
}

@ObjectType({ description: "A friend who enrolled with a member's referral code." })
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => Customer, { description: "The member whose code it was (paid after the friend's first purchase)." })
  referrer!: Customer;

  @Field(() => Customer, { description: 'The new member who used the code (rewarded at once when taken).' })
  friend!: Customer;

  @Field()
  code!: string;

  @Field()
  channel!: string;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => [ReferralSignal], { description: 'The fraud signals that held it; empty when none.' })
  signals!: ReferralSignal[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The marketer who reviewed it.' })
  reviewedBy!: string | null;

  @Field(() => String, { nullable: true })
  reviewNote!: string | null;

  @Field({
    description:
      "Whether the ledger has it (the friend's reward credited, the referrer's payment waiting for the first purchase). False after a ledger outage until the same useReferralCode is sent again.",
  })
  recorded!: boolean;
}

@ObjectType({ description: "The program's referral rules." })
export class ReferralProgram implements ReferralProgramRules {
  @Field({
    description: 'Where referral links point; the link adds `ref=<code>`. Default http://localhost:4100/wallet/.',
  })
  linkBase!: string;

  @Field(() => Int, { description: 'Referrals (taken or held) a member may make per period. Default 10.' })
  capPerReferrer!: number;

  @Field({ description: 'DAY, WEEK (from Monday) or MONTH, in the program time zone. Default MONTH.' })
  capPeriod!: CapPeriodOfReferrals;

  @Field(() => Int, { description: 'How many days back device, address and card hashes are compared. Default 90.' })
  signalWindowDays!: number;

  @Field(() => Int, { description: 'How many hours after enrolling a friend may still use a code. Default 72.' })
  newMemberHours!: number;
}

export const defaultReferralProgram: ReferralProgramRules = {
  linkBase: 'http://localhost:4100/wallet/',
  capPerReferrer: 10,
  capPeriod: 'MONTH',
  signalWindowDays: 90,
  newMemberHours: 72,
};

@InputType({ description: "The program's referral rules (marketers)." })
export class ReferralProgramInput implements ReferralProgramRules {
  @Field()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  linkBase!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  capPerReferrer!: number;

  @Field({ description: 'DAY, WEEK or MONTH.' })
  @IsIn(['DAY', 'WEEK', 'MONTH'])
  capPeriod!: CapPeriodOfReferrals;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3660)
  signalWindowDays!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(8760)
  newMemberHours!: number;
}

@InputType({
  description:
    "A new member using a friend's code. Hashes are what the storefront or app computes (e.g. SHA-256 of a device id, a normalised address, a card fingerprint); the graph compares them and stores nothing else.",
})
export class UseReferralCodeInput {
  @Field(() => ID, { description: 'The new member (a member token may only name itself).' })
  @IsUuid()
  friendId!: string;

  @Field({ description: "The code as typed or read from the link's `ref`." })
  @Length(1, 32)
  code!: string;

  @Field({
    defaultValue: 'ONLINE',
    description: 'Where the friend enrolled: ONLINE, MOBILE_APP, IN_STORE or another channel.',
  })
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 128)
  deviceHash?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 128)
  addressHash?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 128)
  cardHash?: string | null;
}

@InputType({ description: "A marketer's decision on a held referral." })
export class ReviewReferralInput {
  @Field(() => ID)
  @IsUuid()
  id!: string;

  @Field(() => ReferralDecision)
  decision!: ReferralDecision;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}
