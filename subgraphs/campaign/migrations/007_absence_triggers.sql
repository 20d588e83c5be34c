-- Absence triggers (issue 26): "cart updated and no purchase within 2 hours", "no purchase for 60
-- days". A marketer defines a trigger; each start (a custom event of its type, or a purchase for
-- win-back) starts or extends the member's timer; a purchase cancels a cart timer; the scheduler
-- fires due timers once each.

create table campaign.absence_triggers (
  key text primary key,
  name text not null,
  -- CUSTOM_EVENT: a custom event of `event_type` starts the timer; LAST_PURCHASE: each purchase does (win-back).
  start_kind text not null check (start_kind in ('CUSTOM_EVENT', 'LAST_PURCHASE')),
  event_type text,
  wait_seconds integer not null check (wait_seconds > 0),
  bonus_points integer not null default 0 check (bonus_points >= 0),
  reward_id uuid,
  send_message boolean not null,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  check ((start_kind = 'CUSTOM_EVENT') = (event_type is not null))
);
create index absence_triggers_event_idx on campaign.absence_triggers (event_type) where retired_at is null;

-- One row per start that ran its course or was cancelled, and at most one PENDING per trigger and
-- member. The id is the idempotency key of the points and the reward it gives, so a retry after a
-- crash between firing and crediting gives once.
create table campaign.absence_timers (
  id uuid primary key,
  trigger_key text not null references campaign.absence_triggers (key),
  customer_id uuid not null,
  -- When the start happened (the event's or purchase's time); due_at = started_at + the wait.
  started_at timestamptz not null,
  due_at timestamptz not null,
  status text not null check (status in ('PENDING', 'FIRED', 'CANCELLED')),
  fired_at timestamptz,
  cancelled_at timestamptz,
  -- Points and reward of a fired timer: PENDING until the ledger and rewards have answered.
  delivery text check (delivery in ('PENDING', 'DONE')),
  attempts integer not null default 0,
  last_error text
);
create unique index absence_timers_pending_idx on campaign.absence_timers (trigger_key, customer_id)
  where status = 'PENDING';
create index absence_timers_due_idx on campaign.absence_timers (due_at) where status = 'PENDING';
create index absence_timers_customer_idx on campaign.absence_timers (customer_id) where status = 'PENDING';
create index absence_timers_delivery_idx on campaign.absence_timers (fired_at) where delivery = 'PENDING';
