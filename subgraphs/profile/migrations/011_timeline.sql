-- The customer's timeline (issue 26): what other subgraphs record about a member (purchases and
-- returns in the ledger, redemptions in rewards), projected here from their outboxes so that one
-- query lists it with the member's custom events. Kept as long as the program keeps it; a merge moves
-- the entries to the survivor, an erasure deletes them.

-- How far the timeline has read each outbox; the source is "timeline:<service>". Not named
-- consumer_cursors: engagement's migration 001 moves a profile.consumer_cursors it finds (the one of
-- 006) into its own schema whenever it has none yet, so a table of that name here would be taken.
create table profile.timeline_cursors (
  source text primary key,
  last_event_id bigint not null
);

create table profile.timeline_entries (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references profile.customers (id) on delete cascade,
  kind text not null,
  occurred_at timestamptz not null,
  channel text,
  -- What a frontend shows without another query (order id, total, points), by kind.
  summary jsonb not null,
  -- The producer and what its event is about (an order, a return, a redemption): an event read
  -- again (a replay, a crash before the cursor moved) finds its entry there and adds none.
  source text not null,
  source_key text not null,
  recorded_at timestamptz not null default now(),
  unique (source, source_key)
);
-- A page per kind asked walks this index from the cursor: newest first, ties by id.
create index timeline_entries_page_idx on profile.timeline_entries (customer_id, kind, occurred_at desc, id desc);
