-- Points one member gives another (a household pooling points, a gift), and expiry notices.
--
-- A transfer posts a TRANSFER_OUT entry on the giver and a TRANSFER_IN entry on the recipient, both
-- with source TRANSFER and the transfer's id, in one transaction. Its note is kept here only, never
-- in the append-only journal, so that it can be erased with the member's personal data.
alter table ledger.entries drop constraint entries_source_type_check;
alter table ledger.entries add constraint entries_source_type_check
  check (source_type in ('ORDER', 'RETURN', 'REDEMPTION', 'CAMPAIGN', 'ACTOR', 'EXPIRY', 'ACTIVITY', 'MERGE', 'TRANSFER'));

create table ledger.point_transfers (
  id uuid primary key,
  -- Orders a member's transfers, newest first, and is the cursor of their pages.
  position bigint generated always as identity unique,
  from_customer_id uuid not null references ledger.accounts (customer_id),
  to_customer_id uuid not null references ledger.accounts (customer_id),
  -- The giver's key: a retry with it answers with the first transfer.
  idempotency_key text not null,
  points bigint not null check (points > 0),
  note text,
  -- Who made it ({ role, subject }): the giver, or an admin on their behalf.
  actor jsonb,
  created_at timestamptz not null,
  check (to_customer_id <> from_customer_id)
);

create unique index point_transfers_idempotency_key on ledger.point_transfers (from_customer_id, idempotency_key);
-- The rolling 24-hour limit sums a giver's transfers by time.
create index point_transfers_from_idx on ledger.point_transfers (from_customer_id, created_at);
create index point_transfers_to_idx on ledger.point_transfers (to_customer_id);

-- When the points job announced that a lot's points expire soon (a PointsExpiring event): each lot
-- is announced once.
alter table ledger.lots add column expiry_noticed_at timestamptz;
