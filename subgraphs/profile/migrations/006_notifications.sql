-- How far the profile's followers of the program's outboxes (notifications, outbound webhooks) have
-- read each one; the source is "<follower>:<service>".
create table profile.consumer_cursors (
  source text primary key,
  last_event_id bigint not null
);

-- A marketer's text for one kind of message on one channel in one language; without a row the
-- built-in text is used.
create table profile.notification_templates (
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
create table profile.notifications (
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
create index notifications_customer_idx on profile.notifications (customer_id, created_at desc, id desc);
create index notifications_due_idx on profile.notifications (send_after) where status = 'PENDING';
-- Messages a stopped sender left SENDING, looked for on every run.
create index notifications_sending_idx on profile.notifications (send_after) where status = 'SENDING';

-- Birthday messages look members up by month and day.
create index customers_birthday_idx on profile.customers
  ((extract(month from birthday)), (extract(day from birthday))) where birthday is not null;
