import type { Database, Queryable } from '../runtime/database/database';

/** The per-member tables the copy fills, for VACUUM (ANALYZE) after it. */
export const clonedTables = [
  'profile.customers',
  'profile.identities',
  'profile.consents',
  'profile.timeline_entries',
  'ledger.accounts',
  'ledger.orders',
  'ledger.entries',
  'ledger.lots',
  'ledger.imported_balances',
  'ledger.metrics_member_days',
  'ledger.metrics_points_days',
  'campaign.customer_stats',
  'campaign.member_profiles',
  'campaign.member_consents',
  'campaign.purchases',
  'engagement.member_consents',
];

/** Member `index`'s copy of a seed row's id: the same every run, distinct per member. */
const copiedId = (seedIdSql: string) => `md5(${seedIdSql}::text || ':' || m.member_index)::uuid`;

/**
 * The statements of one chunk, in foreign-key order. `clone_map` (seed_id, member_index,
 * customer_id) names, for each new member, the imported member it copies. Rows go in member by
 * member, each member's in their original order, as the import writes them (so a member's history
 * page sits in as few pages as an imported member's does).
 */
const copyStatements = [
  `insert into profile.customers (id, given_name, family_name, enrollment_channel, enrollment_store_id, enrolled_at,
                                  birthday, preferred_channel, language, attributes, erased_at)
   select m.customer_id, c.given_name, 'Member ' || m.member_index, c.enrollment_channel, c.enrollment_store_id,
          c.enrolled_at, c.birthday, c.preferred_channel, c.language, c.attributes, c.erased_at
     from clone_map m join profile.customers c on c.id = m.seed_id order by m.member_index`,
  `insert into profile.identities (type, value, customer_id, created_at)
   select i.type,
          case i.type when 'LEGACY_MEMBER_ID' then $1::text || m.member_index
                      when 'EMAIL' then 'bench-' || m.member_index || '@example.com'
                      when 'MEMBER_CARD' then '8' || lpad(m.member_index::text, 15, '0')
                      else i.value || '-' || m.member_index end,
          m.customer_id, i.created_at
     from clone_map m join profile.identities i on i.customer_id = m.seed_id order by m.member_index, i.type`,
  `insert into profile.consents (customer_id, channel, granted, source, actor, changed_at)
   select m.customer_id, c.channel, c.granted, c.source, c.actor, c.changed_at
     from clone_map m join profile.consents c on c.customer_id = m.seed_id order by m.member_index, c.id`,
  `insert into ledger.accounts (customer_id, balance, lifetime_points, opened_at, updated_at, pending, tier, tier_since,
                                tier_review_at, last_activity_at)
   select m.customer_id, a.balance, a.lifetime_points, a.opened_at, a.updated_at, a.pending, a.tier, a.tier_since,
          a.tier_review_at, a.last_activity_at
     from clone_map m join ledger.accounts a on a.customer_id = m.seed_id order by m.member_index`,
  `insert into ledger.orders (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines,
                              fingerprint, points_earned, balance_after, occurred_at, recorded_at, pending_until,
                              released_at, late)
   select ${copiedId('o.id')}, m.customer_id, o.channel,
          regexp_replace(o.external_order_id, '\\d+-(\\d+)$', m.member_index || '-\\1'), o.store_id, o.currency,
          o.total_amount, o.lines, encode(sha256(convert_to(o.fingerprint || ':' || m.member_index, 'UTF8')), 'hex'),
          o.points_earned, o.balance_after, o.occurred_at, o.recorded_at, o.pending_until, o.released_at, o.late
     from clone_map m join ledger.orders o on o.customer_id = m.seed_id order by m.member_index, o.recorded_at`,
  `insert into ledger.entries (customer_id, kind, points, balance_after, reason, source_type, source_id, rule_id, created_at)
   select m.customer_id, e.kind, e.points, e.balance_after, e.reason, e.source_type,
          case e.source_type when 'ORDER' then ${copiedId('e.source_id')}::text else e.source_id end,
          e.rule_id, e.created_at
     from clone_map m join ledger.entries e on e.customer_id = m.seed_id order by m.member_index, e.id`,
  `insert into ledger.lots (customer_id, order_id, status, points, remaining, earned_at, available_at, expires_at,
                            expiry_noticed_at)
   select m.customer_id, case when l.order_id is not null then ${copiedId('l.order_id')} end, l.status, l.points,
          l.remaining, l.earned_at, l.available_at, l.expires_at, l.expiry_noticed_at
     from clone_map m join ledger.lots l on l.customer_id = m.seed_id order by m.member_index, l.id`,
  `insert into ledger.imported_balances (customer_id, member_key, fingerprint, points, pending, job_id, imported_at)
   select m.customer_id, $1::text || m.member_index,
          encode(sha256(convert_to(b.fingerprint || ':' || m.member_index, 'UTF8')), 'hex'), b.points, b.pending,
          b.job_id, b.imported_at
     from clone_map m join ledger.imported_balances b on b.customer_id = m.seed_id order by m.member_index`,
  `insert into ledger.metrics_member_days (day, customer_id, channel, store_id, currency, orders, spend, refunds, tier)
   select d.day, m.customer_id, d.channel, d.store_id, d.currency, d.orders, d.spend, d.refunds, d.tier
     from clone_map m join ledger.metrics_member_days d on d.customer_id = m.seed_id order by m.member_index`,
  // The program's points per day count the copies' spendable imported lots, as the balance import does.
  `insert into ledger.metrics_points_days as d (day, kind, points)
   select (l.earned_at at time zone 'UTC')::date, 'EARN', sum(l.points)
     from clone_map m join ledger.lots l on l.customer_id = m.seed_id where l.status = 'ACTIVE' group by 1
   on conflict (day, kind) do update set points = d.points + excluded.points`,
  `insert into profile.timeline_entries (id, customer_id, kind, occurred_at, channel, summary, source, source_key, recorded_at)
   select ${copiedId('t.id')}, m.customer_id, t.kind, t.occurred_at, t.channel,
          case when t.summary ? 'orderId'
               then jsonb_set(t.summary, '{orderId}', to_jsonb(${copiedId("(t.summary->>'orderId')")}::text))
               else t.summary end,
          t.source,
          case when t.source_key like 'purchase:%'
               then 'purchase:' || ${copiedId('substr(t.source_key, 10)')}::text
               else t.source_key || ':' || m.member_index end,
          t.recorded_at
     from clone_map m join profile.timeline_entries t on t.customer_id = m.seed_id
    order by m.member_index, t.occurred_at, t.id`,
  `insert into campaign.purchases (purchase_id, customer_id, channel, store_id, currency, total_amount, returned_amount,
                                   lines, occurred_at, points_earned, points_reversed)
   select ${copiedId('p.purchase_id')}, m.customer_id, p.channel, p.store_id, p.currency, p.total_amount,
          p.returned_amount, p.lines, p.occurred_at, p.points_earned, p.points_reversed
     from clone_map m join campaign.purchases p on p.customer_id = m.seed_id order by m.member_index, p.occurred_at`,
  `insert into campaign.customer_stats (customer_id, purchase_count, first_purchase_at, last_purchase_at, spend, channels,
                                        tier, enrolled_at, recency_score, frequency_score, monetary_score, updated_at)
   select m.customer_id, s.purchase_count, s.first_purchase_at, s.last_purchase_at, s.spend, s.channels, s.tier,
          s.enrolled_at, s.recency_score, s.frequency_score, s.monetary_score, s.updated_at
     from clone_map m join campaign.customer_stats s on s.customer_id = m.seed_id order by m.member_index`,
  `insert into campaign.member_profiles (customer_id, attributes, updated_at)
   select m.customer_id, p.attributes, p.updated_at
     from clone_map m join campaign.member_profiles p on p.customer_id = m.seed_id order by m.member_index`,
  `insert into campaign.member_consents (customer_id, channel, granted, event_id)
   select m.customer_id, c.channel, c.granted, c.event_id
     from clone_map m join campaign.member_consents c on c.customer_id = m.seed_id order by m.member_index, c.channel`,
  `insert into engagement.member_consents (customer_id, channel, granted, event_id)
   select m.customer_id, c.channel, c.granted, c.event_id
     from clone_map m join engagement.member_consents c on c.customer_id = m.seed_id order by m.member_index, c.channel`,
];

export const cloneMembersStore = {
  /**
   * Copies imported members `0 .. seedMembers - 1` (keys `${keyPrefix}${index}`) as members
   * `from .. to - 1`: member j is a copy of member j mod seedMembers with its own ids and keys.
   */
  async copyMembers(
    tx: Queryable,
    range: { seedMembers: number; from: number; to: number; keyPrefix: string },
  ): Promise<void> {
    await tx.query(
      `create temp table clone_map on commit drop as
       select seed.customer_id as seed_id, j as member_index, md5(seed.customer_id::text || ':' || j)::uuid as customer_id
         from generate_series($2::int, $3::int - 1) as j
         join (select customer_id, substr(value, length($4) + 1)::int as seed_index
                 from profile.identities
                where type = 'LEGACY_MEMBER_ID' and starts_with(value, $4) and substr(value, length($4) + 1) ~ '^\\d+$') seed
           on seed.seed_index = j % $1 and seed.seed_index < $1`,
      [range.seedMembers, range.from, range.to, range.keyPrefix],
    );
    const { rows } = await tx.query<{ members: number }>('select count(*)::int as members from clone_map');
    if (rows[0]!.members !== range.to - range.from)
      throw new Error(`Only ${rows[0]!.members} of ${range.to - range.from} members found a seed member to copy`);
    for (const statement of copyStatements)
      await tx.query(statement, statement.includes('$1') ? [range.keyPrefix] : []);
  },

  /** Fresh statistics and a visibility map for what was copied (autovacuum may be off, as on the bench machine). */
  async vacuumAnalyze(db: Database): Promise<void> {
    for (const table of clonedTables)
      await db.query(db.kind === 'postgres' ? `vacuum (analyze) ${table}` : `analyze ${table}`);
  },
};
