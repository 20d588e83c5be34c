-- The customer id leads the primary key of notifications and their responses (issue 30), and a
-- response's reference to its message names it, so that a distributed PostgreSQL (Citus) can shard
-- both by customer (docs/operating/scale.md). A notification is still found by its id alone (the
-- sender, a response reported by the message's id), so the id stays unique on its own, as do a
-- response per (message, kind) and a message per event_key (what makes an event read twice send
-- once). A notification keeps the customer it was sent to (merges are resolved when read), which
-- its responses copy.
--
-- webhook_deliveries is not changed: its customer_id is text and null for an event about no
-- member; it stays keyed by its id (see scale.md).
alter table engagement.message_responses drop constraint message_responses_notification_id_fkey;

alter table engagement.notifications drop constraint notifications_pkey;
alter table engagement.notifications add constraint notifications_pkey primary key (customer_id, id);
alter table engagement.notifications add constraint notifications_id_key unique (id);

alter table engagement.message_responses drop constraint message_responses_pkey;
alter table engagement.message_responses add constraint message_responses_pkey
  primary key (customer_id, notification_id, response);
alter table engagement.message_responses add constraint message_responses_notification_response_key
  unique (notification_id, response);

update engagement.message_responses r set customer_id = n.customer_id
  from engagement.notifications n where n.id = r.notification_id and n.customer_id <> r.customer_id;
alter table engagement.message_responses add constraint message_responses_notification_fkey
  foreign key (customer_id, notification_id) references engagement.notifications (customer_id, id)
  on update cascade;
