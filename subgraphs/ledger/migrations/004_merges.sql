-- Profile merges: the merged account keeps its row and journal, points at the survivor, and holds
-- nothing once the merge moved its points (TRANSFER_OUT / TRANSFER_IN entries, source MERGE).
alter table ledger.accounts
  add column merged_into uuid references ledger.accounts (customer_id),
  add column merged_at timestamptz;
create index accounts_merged_into_idx on ledger.accounts (merged_into) where merged_into is not null;

alter table ledger.entries drop constraint entries_source_type_check;
alter table ledger.entries add constraint entries_source_type_check
  check (source_type in ('ORDER', 'RETURN', 'REDEMPTION', 'CAMPAIGN', 'ACTOR', 'EXPIRY', 'ACTIVITY', 'MERGE'));

-- How far this subgraph has followed another service's outbox (the profile's merges).
create table ledger.consumer_cursors (
  source text primary key,
  last_event_id bigint not null
);
