-- What a late purchase, return or activity's lateness did (issue 25): the time it was judged as of,
-- the tier, the campaigns its caps, budgets or schedules changed. Null when the event was on time.
-- Kept with the event so that a retry answers exactly the first result.
alter table ledger.orders add column late jsonb;
alter table ledger.returns add column late jsonb;
alter table ledger.activities add column late jsonb;
