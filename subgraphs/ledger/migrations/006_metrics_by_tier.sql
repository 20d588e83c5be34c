-- Program metrics per tier: a purchase counts in the tier the member held when they bought ('' for
-- none); a refund in the tier they hold at the return.
alter table ledger.metrics_member_days add column tier text not null default '';
alter table ledger.metrics_member_days drop constraint metrics_member_days_pkey;
alter table ledger.metrics_member_days add primary key (day, customer_id, channel, store_id, currency, tier);
