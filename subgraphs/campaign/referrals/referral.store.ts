import type { Queryable } from '../../../runtime/database/database';
import { ReferralSignal, type ReferralStatus, type ReferralProgramRules } from './referral.rules';

interface ReferralRow {
  id: string;
  friend_id: string;
  referrer_id: string;
  code: string;
  channel: string;
  status: ReferralStatus;
  signals: ReferralSignal[];
  created_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
  recorded_at: Date | null;
}

export interface ReferralRecord {
  id: string;
  friendId: string;
  referrerId: string;
  code: string;
  channel: string;
  status: ReferralStatus;
  signals: ReferralSignal[];
  createdAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  /** When the ledger took it; null until then. */
  recordedAt: Date | null;
}

export interface NewReferral {
  id: string;
  friendId: string;
  referrerId: string;
  code: string;
  channel: string;
  status: ReferralStatus;
  signals: readonly ReferralSignal[];
  hashes: ReferralHashes;
  at: Date;
}

export interface ReferralHashes {
  deviceHash: string | null;
  addressHash: string | null;
  cardHash: string | null;
}

const columns = `id, friend_id, referrer_id, code, channel, status, signals, created_at, reviewed_at, reviewed_by,
  review_note, recorded_at`;

const toRecord = (row: ReferralRow): ReferralRecord => ({
  id: row.id,
  friendId: row.friend_id,
  referrerId: row.referrer_id,
  code: row.code,
  channel: row.channel,
  status: row.status,
  signals: row.signals,
  createdAt: row.created_at,
  reviewedAt: row.reviewed_at,
  reviewedBy: row.reviewed_by,
  reviewNote: row.review_note,
  recordedAt: row.recorded_at,
});

/** SQL for `campaign.referral_codes`, `campaign.referrals` and `campaign.referral_program`. */
export const referralStore = {
  async codeOf(db: Queryable, customerId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ code: string }>(
      'select code from campaign.referral_codes where customer_id = $1',
      [customerId],
    );
    return rows[0]?.code;
  },

  /** Gives the member `code` unless they have one; answers the code they end up with (null: the code is taken). */
  async claimCode(db: Queryable, customerId: string, code: string): Promise<string | null> {
    const { rows } = await db.query<{ code: string }>(
      `insert into campaign.referral_codes (customer_id, code) values ($1, $2)
       on conflict do nothing returning code`,
      [customerId, code],
    );
    return rows[0]?.code ?? (await referralStore.codeOf(db, customerId)) ?? null;
  },

  async ownerOf(db: Queryable, code: string): Promise<string | undefined> {
    const { rows } = await db.query<{ customer_id: string }>(
      'select customer_id from campaign.referral_codes where code = $1',
      [code],
    );
    return rows[0]?.customer_id;
  },

  async byFriend(db: Queryable, friendId: string): Promise<ReferralRecord | undefined> {
    const { rows } = await db.query<ReferralRow>(`select ${columns} from campaign.referrals where friend_id = $1`, [
      friendId,
    ]);
    return rows[0] && toRecord(rows[0]);
  },

  async byId(db: Queryable, id: string, lock = false): Promise<ReferralRecord | undefined> {
    const { rows } = await db.query<ReferralRow>(
      `select ${columns} from campaign.referrals where id = $1${lock ? ' for update' : ''}`,
      [id],
    );
    return rows[0] && toRecord(rows[0]);
  },

  /** Serialises the referrals of one referrer until the transaction ends, so that two friends cannot both pass the cap. */
  async lockReferrer(tx: Queryable, referrerId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext('campaign.referrals'), hashtext($1))`, [referrerId]);
  },

  /** The referrer's referrals since `since` that count against the cap (accepted and held). */
  async countSince(db: Queryable, referrerId: string, since: Date): Promise<number> {
    const { rows } = await db.query<{ count: number }>(
      `select count(*)::int as count from campaign.referrals
       where referrer_id = $1 and created_at >= $2 and status in ('ACCEPTED', 'HELD')`,
      [referrerId, since],
    );
    return rows[0]!.count;
  },

  /**
   * Which of the friend's hashes another referral carries: any made since `since`, and the
   * referrer's own (when they were referred themselves), however old.
   */
  async seenHashes(
    db: Queryable,
    hashes: ReferralHashes,
    since: Date,
    referrerId: string,
  ): Promise<Set<ReferralSignal.SHARED_CARD | ReferralSignal.SAME_DEVICE | ReferralSignal.SAME_ADDRESS>> {
    const seen = new Set<ReferralSignal.SHARED_CARD | ReferralSignal.SAME_DEVICE | ReferralSignal.SAME_ADDRESS>();
    if (!hashes.deviceHash && !hashes.addressHash && !hashes.cardHash) return seen;
    const { rows } = await db.query<{ device: boolean | null; address: boolean | null; card: boolean | null }>(
      `select bool_or(device_hash = $1) as device, bool_or(address_hash = $2) as address, bool_or(card_hash = $3) as card
       from campaign.referrals
       where (created_at >= $4 or friend_id = $5) and (device_hash = $1 or address_hash = $2 or card_hash = $3)`,
      [hashes.deviceHash, hashes.addressHash, hashes.cardHash, since, referrerId],
    );
    const row = rows[0];
    if (row?.card) seen.add(ReferralSignal.SHARED_CARD);
    if (row?.device) seen.add(ReferralSignal.SAME_DEVICE);
    if (row?.address) seen.add(ReferralSignal.SAME_ADDRESS);
    return seen;
  },

  /** Inserts the referral unless the friend has one already (then answers undefined). */
  async insert(tx: Queryable, referral: NewReferral): Promise<ReferralRecord | undefined> {
    const { rows } = await tx.query<ReferralRow>(
      `insert into campaign.referrals (id, friend_id, referrer_id, code, channel, status, signals, device_hash,
         address_hash, card_hash, created_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)
       on conflict (friend_id) do nothing returning ${columns}`,
      [
        referral.id,
        referral.friendId,
        referral.referrerId,
        referral.code,
        referral.channel,
        referral.status,
        JSON.stringify(referral.signals),
        referral.hashes.deviceHash,
        referral.hashes.addressHash,
        referral.hashes.cardHash,
        referral.at,
      ],
    );
    return rows[0] && toRecord(rows[0]);
  },

  async remove(db: Queryable, id: string): Promise<void> {
    await db.query('delete from campaign.referrals where id = $1', [id]);
  },

  /** Accepted referrals the ledger has not recorded yet, accepted (or approved) before `before`. */
  async unrecorded(db: Queryable, before: Date, limit: number): Promise<ReferralRecord[]> {
    const { rows } = await db.query<ReferralRow>(
      `select ${columns} from campaign.referrals
        where status = 'ACCEPTED' and recorded_at is null and coalesce(reviewed_at, created_at) < $1
        order by created_at, friend_id limit $2`,
      [before, limit],
    );
    return rows.map(toRecord);
  },

  async markRecorded(db: Queryable, id: string, at: Date): Promise<void> {
    await db.query('update campaign.referrals set recorded_at = $2 where id = $1 and recorded_at is null', [id, at]);
  },

  async review(
    tx: Queryable,
    id: string,
    review: { status: ReferralStatus; by: string; note: string | null; at: Date },
  ): Promise<ReferralRecord> {
    const { rows } = await tx.query<ReferralRow>(
      `update campaign.referrals set status = $2, reviewed_by = $3, review_note = $4, reviewed_at = $5
       where id = $1 returning ${columns}`,
      [id, review.status, review.by, review.note, review.at],
    );
    return toRecord(rows[0]!);
  },

  /** A page of referrals, oldest first (the review queue reads HELD ones). */
  async list(
    db: Queryable,
    query: {
      statuses: readonly ReferralStatus[] | null;
      referrerId: string | null;
      first: number;
      after?: { createdAt: string; friendId: string };
    },
  ): Promise<ReferralRecord[]> {
    const { rows } = await db.query<ReferralRow>(
      `select ${columns} from campaign.referrals
       where ($1::text[] is null or status = any($1::text[]))
         and ($2::uuid is null or referrer_id = $2::uuid)
         and ($3::timestamptz is null or (created_at, friend_id) > ($3::timestamptz, $4::uuid))
       order by created_at, friend_id limit $5`,
      [
        query.statuses ? [...query.statuses] : null,
        query.referrerId,
        query.after?.createdAt ?? null,
        query.after?.friendId ?? null,
        query.first + 1,
      ],
    );
    return rows.map(toRecord);
  },

  /** The referrals a referrer made, by status (a member's referral card). */
  async countsOf(db: Queryable, referrerId: string): Promise<Map<ReferralStatus, number>> {
    const { rows } = await db.query<{ status: ReferralStatus; count: number }>(
      'select status, count(*)::int as count from campaign.referrals where referrer_id = $1 group by status',
      [referrerId],
    );
    return new Map(rows.map((row) => [row.status, row.count]));
  },

  async program(db: Queryable, defaults: ReferralProgramRules): Promise<ReferralProgramRules> {
    const { rows } = await db.query<{
      link_base: string;
      cap_per_referrer: number;
      cap_period: ReferralProgramRules['capPeriod'];
      signal_window_days: number;
      new_member_hours: number;
    }>(
      'select link_base, cap_per_referrer, cap_period, signal_window_days, new_member_hours from campaign.referral_program',
    );
    const row = rows[0];
    return row
      ? {
          linkBase: row.link_base,
          capPerReferrer: row.cap_per_referrer,
          capPeriod: row.cap_period,
          signalWindowDays: row.signal_window_days,
          newMemberHours: row.new_member_hours,
        }
      : defaults;
  },

  async saveProgram(db: Queryable, rules: ReferralProgramRules): Promise<void> {
    await db.query(
      `insert into campaign.referral_program (id, link_base, cap_per_referrer, cap_period, signal_window_days, new_member_hours)
       values (1, $1, $2, $3, $4, $5)
       on conflict (id) do update set link_base = excluded.link_base, cap_per_referrer = excluded.cap_per_referrer,
         cap_period = excluded.cap_period, signal_window_days = excluded.signal_window_days,
         new_member_hours = excluded.new_member_hours, updated_at = now()`,
      [rules.linkBase, rules.capPerReferrer, rules.capPeriod, rules.signalWindowDays, rules.newMemberHours],
    );
  },
};
