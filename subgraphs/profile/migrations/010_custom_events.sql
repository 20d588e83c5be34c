-- Custom behavioural events (issue 26): event types marketers define, versioned (a redefinition is a
-- new version; events keep the version they were checked against), and each customer's events.
create table profile.event_types (
  name text not null,
  version integer not null check (version >= 1),
  description text,
  properties jsonb not null,
  members_may_send boolean not null,
  defined_by jsonb,
  defined_at timestamptz not null default now(),
  primary key (name, version)
);

-- No cap per customer: events stay as long as the program keeps them. A merge moves them to the
-- survivor; an erasure blanks their properties (the facts that something happened stay).
create table profile.customer_events (
  id uuid primary key,
  customer_id uuid not null references profile.customers (id) on delete cascade,
  type text not null,
  type_version integer not null,
  properties jsonb,
  occurred_at timestamptz not null,
  channel text not null,
  idempotency_key text not null,
  -- What the first call asked, hashed, so that a retry under its key is told from another event.
  fingerprint text not null,
  recorded_at timestamptz not null default now(),
  foreign key (type, type_version) references profile.event_types (name, version),
  unique (channel, idempotency_key)
);
-- The timeline: a customer's events newest first, a page at a time, with or without a type filter.
create index customer_events_timeline_idx on profile.customer_events (customer_id, occurred_at desc, id desc);
create index customer_events_type_timeline_idx
  on profile.customer_events (customer_id, type, occurred_at desc, id desc);
