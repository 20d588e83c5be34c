-- Member-days folded before merges were followed keep the merged member's id: move them to the
-- account each was merged into (merged_into always names the last survivor of a chain).
with moved as (
  delete from ledger.metrics_member_days d
   using ledger.accounts a
   where a.customer_id = d.customer_id and a.merged_into is not null
  returning d.day, a.merged_into as customer_id, d.channel, d.store_id, d.currency, d.tier, d.orders, d.spend,
            d.refunds
)
insert into ledger.metrics_member_days as m (day, customer_id, channel, store_id, currency, tier, orders, spend, refunds)
select day, customer_id, channel, store_id, currency, tier, sum(orders), sum(spend), sum(refunds)
  from moved group by day, customer_id, channel, store_id, currency, tier
on conflict (day, customer_id, channel, store_id, currency, tier) do update
  set orders = m.orders + excluded.orders, spend = m.spend + excluded.spend, refunds = m.refunds + excluded.refunds;
