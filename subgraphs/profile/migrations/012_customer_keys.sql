-- The customer id leads the primary key of every table with a member's rows (issue 30), so that a
-- distributed PostgreSQL (Citus) can shard them by customer with the customers they reference
-- (docs/operating/scale.md). Nothing here looks these rows up by their id alone, and their ids are
-- made here (identities and random uuids): the customer id joins the key, no other unique key is
-- needed. The foreign keys to profile.customers (id) already name the customer. The idempotency
-- keys stay unique across customers: (channel, idempotency_key) of custom events and (source,
-- source_key) of timeline entries.
alter table profile.consents drop constraint consents_pkey;
alter table profile.consents add constraint consents_pkey primary key (customer_id, id);

alter table profile.feedback drop constraint feedback_pkey;
alter table profile.feedback add constraint feedback_pkey primary key (customer_id, id);

alter table profile.customer_events drop constraint customer_events_pkey;
alter table profile.customer_events add constraint customer_events_pkey primary key (customer_id, id);

alter table profile.timeline_entries drop constraint timeline_entries_pkey;
alter table profile.timeline_entries add constraint timeline_entries_pkey primary key (customer_id, id);
