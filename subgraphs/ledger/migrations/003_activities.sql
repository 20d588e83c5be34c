-- Points for what members do besides buying (sign-up, review, social share, birthday), and
-- referrals that pay the referrer once the friend makes a first purchase.
alter table ledger.entries drop constraint entries_source_type_check;
alter table ledger.entries add constraint entries_source_type_check
  check (source_type in ('ORDER', 'RETURN', 'REDEMPTION', 'CAMPAIGN', 'ACTOR', 'EXPIRY', 'ACTIVITY'));

create table ledger.activities (
  id uuid primary key,
  customer_id uuid not null references ledger.accounts (customer_id),
  kind text not null check (kind in ('SIGN_UP', 'REFERRAL', 'PRODUCT_REVIEW', 'SOCIAL_SHARE', 'BIRTHDAY')),
  -- The integration's id of the activity (a review id, a year for a birthday): with the member and
  -- kind, the idempotency key.
  external_id text not null,
  channel text not null,
  referred_customer_id uuid,
  status text not null check (status in ('CREDITED', 'AWAITING_PURCHASE')),
  points_earned bigint not null default 0,
  earnings jsonb not null default '[]',
  balance_after bigint,
  occurred_at timestamptz not null,
  credited_at timestamptz,
  recorded_at timestamptz not null default now()
);
create unique index activities_idempotency_key on ledger.activities (customer_id, kind, external_id);
-- A friend is referred once.
create unique index activities_referred_once on ledger.activities (referred_customer_id) where kind = 'REFERRAL';

-- Purchases and returns recorded before these events existed, so that readers of the outbox (the
-- campaign subgraph's purchase history) see the whole history.
insert into ledger.events (type, aggregate_id, payload, actor, created_at)
select type, aggregate_id, payload, null, at from (
  select 'PurchaseRecorded' as type, o.customer_id::text as aggregate_id, o.recorded_at as at,
         jsonb_build_object('purchaseId', o.id, 'customerId', o.customer_id, 'channel', o.channel,
           'storeId', o.store_id, 'currency', o.currency, 'totalAmount', o.total_amount, 'lines', o.lines,
           'pointsEarned', o.points_earned, 'occurredAt', o.occurred_at) as payload
  from ledger.orders o
  union all
  select 'ReturnRecorded', r.customer_id::text, r.recorded_at,
         jsonb_build_object('returnId', r.id, 'purchaseId', r.order_id, 'customerId', r.customer_id,
           'amount', r.refund_amount, 'pointsReversed', r.points_reversed, 'occurredAt', r.occurred_at)
  from ledger.returns r
) history
order by at;
