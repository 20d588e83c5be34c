-- Segment conditions beyond purchases (issue 26): the campaign's own view of what the profile says
-- of a member (attributes, consent per channel), kept from the profile's outbox as engagement keeps
-- its own, and static audiences a CDP pushes members into by id.
create table campaign.member_profiles (
  customer_id uuid primary key,
  attributes jsonb not null default '{}',
  updated_at timestamptz not null default now()
);

-- The latest answer per member and channel read, with the profile event that gave it (a merge keeps
-- the later answer, as the profile does).
create table campaign.member_consents (
  customer_id uuid not null,
  channel text not null,
  granted boolean not null,
  event_id bigint not null,
  primary key (customer_id, channel)
);

-- Merged profile ids and the profile each answers with now: audience members added by an old id
-- land on the survivor.
create table campaign.member_merges (
  merged_id uuid primary key,
  survivor_id uuid not null
);

create table campaign.audiences (
  key text primary key,
  name text not null,
  description text,
  created_at timestamptz not null default now()
);

create table campaign.audience_members (
  audience_key text not null references campaign.audiences (key) on delete cascade,
  customer_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (audience_key, customer_id)
);
create index audience_members_customer_idx on campaign.audience_members (customer_id);
