-- Which messages members were sent and how they responded (issue 26), kept from engagement's
-- MessageSent and MessageResponded events: what "responded to a message within N days" segment
-- conditions read. One row per message; each response's first time, null until it happened.
create table campaign.member_messages (
  message_id uuid primary key,
  customer_id uuid not null,
  kind text not null,
  channel text not null,
  campaign_key text,
  sent_at timestamptz not null,
  opened_at timestamptz,
  clicked_at timestamptz,
  redeemed_at timestamptz
);
create index member_messages_customer_idx on campaign.member_messages (customer_id, sent_at);

-- Event-count conditions with property conditions count a member's events of a type in a window
-- from the events themselves.
create index custom_events_count_idx on campaign.custom_events (customer_id, event_type, occurred_at);
