-- A campaign may hold a random share of its audience out: they get nothing from it, and its
-- performance compares their spend with everyone else's.
alter table campaign.campaigns
  add column holdout_percent smallint not null default 0 check (holdout_percent between 0 and 50);

-- Points each campaign granted, per purchase or activity, as the ledger posted them (read from its
-- PurchaseRecorded and ActivityCredited events); a purchase's are reduced in proportion to what
-- was returned of it (campaign.purchases.returned_amount) when read.
create table campaign.campaign_rewards (
  source_id uuid not null,
  campaign_id uuid not null,
  customer_id uuid not null,
  points bigint not null check (points > 0),
  granted_at timestamptz not null,
  primary key (source_id, campaign_id)
);
create index campaign_rewards_campaign_idx on campaign.campaign_rewards (campaign_id, granted_at);
create index campaign_rewards_customer_idx on campaign.campaign_rewards (customer_id);
