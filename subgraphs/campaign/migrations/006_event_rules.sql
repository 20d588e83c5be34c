-- Campaign acts on the profile's custom events (issue 26): event-triggered campaigns and segment
-- conditions on event counts, both kept from the profile's CustomerEventTracked events.
alter table campaign.campaigns drop constraint campaigns_trigger_check;
alter table campaign.campaigns add constraint campaigns_trigger_check
  check (trigger in ('PURCHASE', 'ACTIVITY', 'EVENT'));
-- EVENT campaigns: the event type, property conditions and "once per" property.
alter table campaign.campaigns add column event_trigger jsonb;

-- Custom events per member, type and UTC day: what event-count segment conditions read.
create table campaign.event_counts (
  customer_id uuid not null,
  event_type text not null,
  day date not null,
  count integer not null check (count > 0),
  primary key (customer_id, event_type, day)
);

-- Each custom event read, once (keyed by the profile's event id): counted when inserted, then
-- claimed against EVENT campaigns and paid through the ledger (PENDING until the ledger answered).
create table campaign.custom_events (
  event_id uuid primary key,
  customer_id uuid not null,
  event_type text not null,
  properties jsonb not null,
  channel text not null,
  occurred_at timestamptz not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'DONE')),
  points bigint,
  last_error text,
  read_at timestamptz not null default now()
);
create index custom_events_pending_idx on campaign.custom_events (read_at, event_id) where status = 'PENDING';
create index custom_events_customer_idx on campaign.custom_events (customer_id);

-- "Once per <property>": the value of the property each campaign has rewarded a member for, and
-- the event that took it.
create table campaign.event_once (
  campaign_id uuid not null references campaign.campaigns (id),
  customer_id uuid not null,
  once_value text not null,
  event_id uuid not null,
  primary key (campaign_id, customer_id, once_value)
);
create index event_once_customer_idx on campaign.event_once (customer_id);
