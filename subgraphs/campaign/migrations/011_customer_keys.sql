-- The customer id leads the primary key of every table with a member's rows (issue 30), and a
-- grant's reference to its claim names it, so that a distributed PostgreSQL (Citus) can shard them
-- by customer (docs/operating/scale.md). Each former key stays unique on its own: they are the
-- idempotency keys of what the ledger, the profile and engagement send (a claim's key, a purchase's
-- id, a custom event's id, a message's id), found by them alone and written with `on conflict` on
-- them, and the keys this subgraph gives the ledger (an award's key, a timer's id).
alter table campaign.grants drop constraint grants_claim_key_fkey;

alter table campaign.claims drop constraint claims_pkey;
alter table campaign.claims add constraint claims_pkey primary key (customer_id, key);
alter table campaign.claims add constraint claims_key_key unique (key);

alter table campaign.grants drop constraint grants_pkey;
alter table campaign.grants add constraint grants_pkey primary key (customer_id, claim_key, campaign_id);
alter table campaign.grants add constraint grants_claim_campaign_key unique (claim_key, campaign_id);

-- A claim asked again for another member (the same order after a merge) kept its first member
-- while its grants took the new one; the grants' member is the claim's now, before the reference
-- requires them to agree.
update campaign.claims c set customer_id = g.customer_id
  from campaign.grants g where g.claim_key = c.key and g.customer_id <> c.customer_id;
-- A merge moves a member's claims to the survivor, and their grants follow.
alter table campaign.grants add constraint grants_claim_fkey
  foreign key (customer_id, claim_key) references campaign.claims (customer_id, key) on delete cascade on update cascade;

alter table campaign.purchases drop constraint purchases_pkey;
alter table campaign.purchases add constraint purchases_pkey primary key (customer_id, purchase_id);
alter table campaign.purchases add constraint purchases_purchase_id_key unique (purchase_id);

alter table campaign.badge_awards drop constraint badge_awards_pkey;
alter table campaign.badge_awards add constraint badge_awards_pkey primary key (customer_id, award_key);
alter table campaign.badge_awards add constraint badge_awards_award_key_key unique (award_key);

alter table campaign.custom_events drop constraint custom_events_pkey;
alter table campaign.custom_events add constraint custom_events_pkey primary key (customer_id, event_id);
alter table campaign.custom_events add constraint custom_events_event_id_key unique (event_id);

alter table campaign.absence_timers drop constraint absence_timers_pkey;
alter table campaign.absence_timers add constraint absence_timers_pkey primary key (customer_id, id);
alter table campaign.absence_timers add constraint absence_timers_id_key unique (id);

alter table campaign.member_messages drop constraint member_messages_pkey;
alter table campaign.member_messages add constraint member_messages_pkey primary key (customer_id, message_id);
alter table campaign.member_messages add constraint member_messages_message_id_key unique (message_id);

alter table campaign.campaign_rewards drop constraint campaign_rewards_pkey;
alter table campaign.campaign_rewards add constraint campaign_rewards_pkey
  primary key (customer_id, source_id, campaign_id);
alter table campaign.campaign_rewards add constraint campaign_rewards_source_campaign_key
  unique (source_id, campaign_id);
