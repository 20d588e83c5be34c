-- Outbound webhooks (issue 13): endpoints integrations registered, and one delivery per (endpoint,
-- event). The secret is kept in clear because every delivery is signed with it; the graph shows it
-- once, when issued. A rotated secret's predecessor is still signed with until it expires.
create table profile.webhook_endpoints (
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
create sequence profile.webhook_replays;

-- The delivery log and the dead-letter list (status DEAD). The body is the exact signed JSON text.
-- order_key is the customer (or the entity of an event about none): a delivery waits while an
-- earlier one to its endpoint with the same key is PENDING. requested_by is the admin who replayed
-- or re-queued it.
create table profile.webhook_deliveries (
  id bigint generated always as identity primary key,
  endpoint_id uuid not null references profile.webhook_endpoints (id),
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
create index webhook_deliveries_due_idx on profile.webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_order_idx on profile.webhook_deliveries (endpoint_id, order_key, id)
  where status = 'PENDING';
create index webhook_deliveries_log_idx on profile.webhook_deliveries (endpoint_id, status, id desc);
