-- Badges and challenges over custom events (issue 26): a badge may count a custom event type
-- (its rule says which, in campaign.badges.rule), be a streak (in its rule too) and be time-boxed.

-- A challenge's window: only what happens from starts_at and before ends_at counts; null: open.
alter table campaign.badges
  add column starts_at timestamptz,
  add column ends_at timestamptz,
  add constraint badges_window_check check (starts_at is null or ends_at is null or starts_at < ends_at);

-- A completion names what completed it: a purchase, or a custom event (campaign.custom_events).
alter table campaign.badge_completions
  alter column purchase_id drop not null,
  add column event_id uuid,
  add constraint badge_completions_source_check check ((purchase_id is null) <> (event_id is null));

-- Badges read a member's events of a type (the follower, the progress field).
create index custom_events_customer_type_time_idx on campaign.custom_events (customer_id, event_type, occurred_at);
