import { randomUUID } from 'node:crypto';
import type { Database } from '../../../runtime/database/database';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { CapPeriod } from '../campaigns/campaign.rules';
import { CampaignError, CampaignErrorKind } from '../errors';
import { periodStart } from '../limits/usage.rules';
import type { RuleCache } from '../quotes/ruleCache';
import type { LedgerAwards } from '../upstream/ledgerAwards';
import type { LedgerQuoteFacts } from '../upstream/ledgerQuoteFacts';
import type { ProfileFacts } from '../upstream/profileFacts';
import {
  judgeReferral,
  newReferralCode,
  normalizeReferralCode,
  ReferralStatus,
  type ReferralProgramRules,
} from './referral.rules';
import { referralStore, type ReferralHashes, type ReferralRecord } from './referral.store';

export interface ReferralRequest extends ReferralHashes {
  friendId: string;
  code: string;
  channel: string;
}

const dayMs = 86_400_000;

/** Calls an upstream service, turning its outage into the campaign's SERVICE_UNAVAILABLE. */
async function upstream<T>(call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UpstreamError && error.kind === 'UpstreamUnavailable') {
      throw new CampaignError(
        CampaignErrorKind.UpstreamUnavailable,
        `${what} did not answer; try again`,
        {},
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * Referral codes and the referrals made with them: judges each (refused, held for review, or
 * taken), and hands taken ones to the ledger, which credits the friend's reward at once and pays
 * the referrer after the friend's first purchase. Idempotent per friend: a friend is referred once.
 */
export class ReferralService {
  constructor(
    private readonly db: Database,
    private readonly rules: RuleCache,
    private readonly profiles: ProfileFacts,
    private readonly ledgerFacts: LedgerQuoteFacts,
    private readonly ledger: LedgerAwards,
    private readonly defaults: ReferralProgramRules,
    private readonly clock: () => Date,
  ) {}

  program(): Promise<ReferralProgramRules> {
    return referralStore.program(this.db, this.defaults);
  }

  async setProgram(rules: ReferralProgramRules): Promise<ReferralProgramRules> {
    await referralStore.saveProgram(this.db, rules);
    return rules;
  }

  /** The member's referral code, made on first ask (a random code; a collision draws again). */
  async codeOf(customerId: string): Promise<string> {
    const existing = await referralStore.codeOf(this.db, customerId);
    if (existing) return existing;
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = await referralStore.claimCode(this.db, customerId, newReferralCode());
      if (code) return code;
    }
    throw new Error('no free referral code after 5 draws');
  }

  counts(referrerId: string): Promise<Map<ReferralStatus, number>> {
    return referralStore.countsOf(this.db, referrerId);
  }

  async use(request: ReferralRequest): Promise<ReferralRecord> {
    const code = normalizeReferralCode(request.code);
    if (!code) {
      throw new CampaignError(CampaignErrorKind.InvalidReferral, `${request.code} is not a referral code`, {
        argument: 'code',
      });
    }
    const referrerId = await referralStore.ownerOf(this.db, code);
    if (!referrerId) {
      throw new CampaignError(CampaignErrorKind.UnknownReferral, `No member has the referral code ${code}`, {
        argument: 'code',
      });
    }
    const [referrer, friend] = await upstream(
      () => this.profiles.referralMembers([referrerId, request.friendId]),
      'The profile service',
    );
    if (!friend) {
      throw new CampaignError(CampaignErrorKind.UnknownReferral, `No customer has id ${request.friendId}`, {
        argument: 'friendId',
      });
    }
    if (!referrer) {
      throw new CampaignError(CampaignErrorKind.UnknownReferral, `The member of referral code ${code} is gone`, {
        argument: 'code',
      });
    }
    const earlier = await referralStore.byFriend(this.db, friend.id);
    if (earlier) return this.replay(earlier, code);

    const [friendFacts, program, rules] = await Promise.all([
      upstream(() => this.ledgerFacts.of(friend.id), 'The ledger'),
      this.program(),
      this.rules.program(),
    ]);
    const now = this.clock();
    const created = await this.db.transaction(async (tx) => {
      await referralStore.lockReferrer(tx, referrer.id);
      const since = periodStart(CapPeriod[program.capPeriod], now, rules.timeZone)!;
      const hashes = { deviceHash: request.deviceHash, addressHash: request.addressHash, cardHash: request.cardHash };
      const verdict = judgeReferral(
        {
          referrerId: referrer.id,
          friendId: friend.id,
          friendEnrolledAt: new Date(friend.enrolledAt),
          friendPurchases: friendFacts.purchasesBefore,
          referrerIdentities: referrer.identities,
          friendIdentities: friend.identities,
          referralsInPeriod: await referralStore.countSince(tx, referrer.id, since),
          seenHashes: await referralStore.seenHashes(
            tx,
            hashes,
            new Date(now.getTime() - program.signalWindowDays * dayMs),
            referrer.id,
          ),
        },
        program,
        now,
      );
      if (verdict.refused) throw refusal(verdict.refused, program);
      return referralStore.insert(tx, {
        id: randomUUID(),
        friendId: friend.id,
        referrerId: referrer.id,
        code,
        channel: request.channel,
        status: verdict.held.length > 0 ? ReferralStatus.HELD : ReferralStatus.ACCEPTED,
        signals: verdict.held,
        hashes,
        at: now,
      });
    });
    // Another request referred this friend at the same moment: answer as a retry would.
    if (!created) return this.replay((await referralStore.byFriend(this.db, friend.id))!, code);
    return created.status === ReferralStatus.ACCEPTED ? this.sendToLedger(created, true) : created;
  }

  /** Approves (the ledger then takes it) or rejects a held referral; the same decision again answers it unchanged. */
  async review(id: string, approve: boolean, note: string | null, reviewer: string): Promise<ReferralRecord> {
    const status = approve ? ReferralStatus.ACCEPTED : ReferralStatus.REJECTED;
    const reviewed = await this.db.transaction(async (tx) => {
      const referral = await referralStore.byId(tx, id, true);
      if (!referral)
        throw new CampaignError(CampaignErrorKind.UnknownReferral, `No referral has id ${id}`, { argument: 'id' });
      if (referral.status === status && referral.reviewedAt) return referral;
      if (referral.status !== ReferralStatus.HELD) {
        throw new CampaignError(
          CampaignErrorKind.ReferralConflict,
          `Referral ${id} is ${referral.status}, not held for review`,
        );
      }
      return referralStore.review(tx, id, { status, by: reviewer, note, at: this.clock() });
    });
    return reviewed.status === ReferralStatus.ACCEPTED && !reviewed.recordedAt
      ? this.sendToLedger(reviewed, false)
      : reviewed;
  }

  /**
   * Sends the ledger the accepted referrals it has not recorded (it was away when they were made or
   * approved, and no retry came): those older than `graceMs`, so a request still under way is left
   * to finish. The ledger records each side once, so a sweep racing a retry pays nothing twice.
   */
  async recordUnrecorded(graceMs = 30_000): Promise<{ recorded: number; failed: number }> {
    let recorded = 0;
    let failed = 0;
    const due = await referralStore.unrecorded(this.db, new Date(this.clock().getTime() - graceMs), 100);
    for (const referral of due) {
      try {
        await this.sendToLedger(referral, false);
        recorded++;
      } catch {
        failed++; // still unrecorded: the next sweep tries again
      }
    }
    return { recorded, failed };
  }

  list(query: Parameters<typeof referralStore.list>[1]): Promise<ReferralRecord[]> {
    return referralStore.list(this.db, query);
  }

  private async replay(earlier: ReferralRecord, code: string): Promise<ReferralRecord> {
    if (earlier.code !== code) {
      throw new CampaignError(
        CampaignErrorKind.ReferralConflict,
        'This friend was already referred with another code',
        {
          argument: 'friendId',
        },
      );
    }
    // The ledger did not answer the first time: this retry sends it again.
    return earlier.status === ReferralStatus.ACCEPTED && !earlier.recordedAt
      ? this.sendToLedger(earlier, false)
      : earlier;
  }

  /**
   * Has the ledger record both sides (idempotent there on member, kind and external id). When the
   * ledger refuses a new referral (the friend bought meanwhile, or was referred outside codes) the
   * referral is withdrawn, so that nothing is left half-made.
   */
  private async sendToLedger(referral: ReferralRecord, withdrawIfRefused: boolean): Promise<ReferralRecord> {
    try {
      await upstream(async () => {
        await this.ledger.recordReferral({
          customerId: referral.referrerId,
          kind: 'REFERRAL',
          externalId: referral.friendId,
          channel: referral.channel,
          referredCustomerId: referral.friendId,
        });
        await this.ledger.recordReferral({
          customerId: referral.friendId,
          kind: 'REFERRED_FRIEND',
          externalId: referral.id,
          channel: referral.channel,
          referredCustomerId: null,
        });
      }, 'The ledger');
    } catch (error) {
      if (withdrawIfRefused && error instanceof UpstreamError) {
        await referralStore.remove(this.db, referral.id);
        throw new CampaignError(
          CampaignErrorKind.ReferralRefused,
          `The ledger refused the referral: ${error.message}`,
          {
            signal: 'LEDGER_REFUSED',
          },
        );
      }
      throw error;
    }
    const at = this.clock();
    await referralStore.markRecorded(this.db, referral.id, at);
    return { ...referral, recordedAt: referral.recordedAt ?? at };
  }
}

function refusal(reason: string, program: ReferralProgramRules): CampaignError {
  switch (reason) {
    case 'SELF_REFERRAL':
      return new CampaignError(CampaignErrorKind.ReferralRefused, 'A member cannot use their own referral code', {
        argument: 'code',
        signal: reason,
      });
    case 'EXISTING_MEMBER':
      return new CampaignError(
        CampaignErrorKind.ReferralRefused,
        `A referral code is for new members: enroll and use it within ${program.newMemberHours} hours, before a first purchase`,
        { argument: 'friendId', signal: reason },
      );
    default:
      return new CampaignError(
        CampaignErrorKind.ReferralConflict,
        `This member has referred ${program.capPerReferrer} friends this ${program.capPeriod.toLowerCase()}, the most the program allows`,
        { argument: 'code', signal: reason },
      );
  }
}
