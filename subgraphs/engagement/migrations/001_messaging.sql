-- Messages, templates and outbound webhooks used to live in the profile schema (profile migrations
-- 006 and 007); issue 24 gave them this subgraph. On an install that ran those migrations, their
-- tables move here with their rows, constraints, indexes and sequences (ids and replay numbers
-- continue); on a fresh database they are created. Profile's migration 008 takes the same lock and
-- drops only the empty copies this one made redundant, so either service may migrate first.
select pg_advisory_xact_lock(hashtext('loyalty-graph:messaging-move'));

do $$
declare
  moved text;
begin
  -- Referenced tables before the tables that reference them (a foreign key moves with its table).
  foreach moved in array array['consumer_cursors', 'notification_templates', 'notifications',
                               'webhook_endpoints', 'webhook_deliveries'] loop
    if to_regclass('profile.' || moved) is not null and to_regclass('engagement.' || moved) is null then
      execute format('alter table profile.%I set schema engagement', moved);
    end if;
  end loop;
  if to_regclass('profile.webhook_replays') is not null and to_regclass('engagement.webhook_replays') is null then
    alter sequence profile.webhook_replays set schema engagement;
  end if;
end $$;

-- How far engagement's followers of the program's outboxes (notifications, outbound webhooks, the
-- member view) have read each one; the source is "<follower>:<service>".
create table if not exists engagement.consumer_cursors (
  source text primary key,
  last_event_id bigint not null
);

-- A marketer's text for one kind of message on one channel in one language; without a row the
-- built-in text is used.
create table if not exists engagement.notification_templates (
  kind text not null,
  channel text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
  language text not null,
  subject text,
  body text not null,
  updated_by jsonb,
  updated_at timestamptz not null default now(),
  primary key (kind, channel, language)
);

-- Every message the program decided on, sent or not: one per (event, kind), so an event read twice
-- never sends twice. `send_after` holds messages back during quiet hours and between retries.
create table if not exists engagement.notifications (
  id uuid primary key,
  event_key text not null unique,
  customer_id uuid not null,
  kind text not null,
  channel text,
  language text not null,
  recipient text,
  subject text,
  body text,
  status text not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
  reason text,
  attempts integer not null default 0,
  send_after timestamptz not null,
  provider text,
  provider_message_id text,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index if not exists notifications_customer_idx on engagement.notifications (customer_id, created_at desc, id desc);
create index if not exists notifications_due_idx on engagement.notifications (send_after) where status = 'PENDING';
-- Messages a stopped sender left SENDING, looked for on every run.
create index if not exists notifications_sending_idx on engagement.notifications (send_after) where status = 'SENDING';

-- Outbound webhooks (issue 13): endpoints integrations registered, and one delivery per (endpoint,
-- event). The secret is kept in clear because every delivery is signed with it; the graph shows it
-- once, when issued. A rotated secret's predecessor is still signed with until it expires.
create table if not exists engagement.webhook_endpoints (
  id uuid primary key,
  url text not null,
  description text,
  event_types text[] not null,
  enabled boolean not null default true,
  -- Events from this moment on are delivered (registration, or the last time it was enabled);
  -- earlier ones only by a replay.
  enabled_at timestamptz not null default now(),
  secret text not null,
  previous_secret text,
  previous_secret_expires_at timestamptz,
  created_by jsonb,
  created_at timestamptz not null default now(),
  updated_by jsonb,
  updated_at timestamptz not null default now()
);

-- Replays number their deliveries from this sequence; 0 is the delivery of an event as it happened.
create sequence if not exists engagement.webhook_replays;

-- The delivery log and the dead-letter list (status DEAD). The body is the exact signed JSON text.
-- order_key is the customer (or the entity of an event about none): a delivery waits while an
-- earlier one to its endpoint with the same key is PENDING. requested_by is the admin who replayed
-- or re-queued it.
create table if not exists engagement.webhook_deliveries (
  id bigint generated always as identity primary key,
  endpoint_id uuid not null references engagement.webhook_endpoints (id),
  source text not null,
  event_id bigint not null,
  event_type text not null,
  customer_id text,
  order_key text not null,
  replay bigint not null default 0,
  body text not null,
  status text not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  requested_by jsonb,
  created_at timestamptz not null default now(),
  unique (endpoint_id, source, event_id, replay)
);
create index if not exists webhook_deliveries_due_idx on engagement.webhook_deliveries (next_attempt_at)
  where status = 'PENDING';
create index if not exists webhook_deliveries_order_idx on engagement.webhook_deliveries (endpoint_id, order_key, id)
  where status = 'PENDING';
create index if not exists webhook_deliveries_log_idx on engagement.webhook_deliveries (endpoint_id, status, id desc);

-- Engagement's own view of the members it writes to, kept from the profile's outbox (the member
-- view follower), so that no query here reads the profile's tables: the latest answer per channel
-- (ConsentChanged), which ids were merged into which (CustomersMerged) and who was erased
-- (CustomerErased). event_id is the profile event that said so (0: copied below when moving here).
create table engagement.member_consents (
  customer_id uuid not null,
  channel text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
  granted boolean not null,
  event_id bigint not null,
  primary key (customer_id, channel)
);
create table engagement.merged_customers (
  merged_id uuid primary key,
  survivor_id uuid not null
);
create index merged_customers_survivor_idx on engagement.merged_customers (survivor_id);
create table engagement.erased_customers (
  customer_id uuid primary key,
  erased_at timestamptz not null
);

-- The one moment this subgraph reads the profile's tables: on an existing install the view starts
-- from the profile's state now, and the follower from the profile's newest event (events before it
-- carry no consent answer; the state read here already holds them). The cursor is read first, so a
-- change committed meanwhile is in the state or after the cursor, and applying it again is harmless.
do $$
begin
  if to_regclass('profile.events') is not null then
    insert into engagement.consumer_cursors (source, last_event_id)
    select 'members:profile', coalesce(max(id), 0) from profile.events
    on conflict (source) do nothing;
  end if;
  if to_regclass('profile.consents') is not null then
    insert into engagement.member_consents (customer_id, channel, granted, event_id)
    select distinct on (customer_id, channel) customer_id, channel, granted, 0
      from profile.consents
     order by customer_id, channel, id desc
    on conflict do nothing;
  end if;
  if to_regclass('profile.customers') is not null then
    insert into engagement.merged_customers (merged_id, survivor_id)
    select id, merged_into from profile.customers where merged_into is not null
    on conflict do nothing;
    insert into engagement.erased_customers (customer_id, erased_at)
    select id, erased_at from profile.customers where erased_at is not null
    on conflict do nothing;
  end if;
end $$;
