-- The customer id leads the primary key of redemptions and vouchers (issue 30), and the voucher's
-- reference to its redemption names it, so that a distributed PostgreSQL (Citus) can shard both by
-- customer (docs/operating/scale.md). The ids stay unique on their own: a redemption's id is the
-- idempotency key its client sends, and vouchers and redemptions are still found by id alone (a
-- voucher's code, used at a till, before the member is known). A merge moves a member's
-- redemptions to the survivor, and their vouchers follow (on update cascade).
alter table rewards.vouchers drop constraint vouchers_redemption_id_fkey;

alter table rewards.redemptions drop constraint redemptions_pkey;
alter table rewards.redemptions add constraint redemptions_pkey primary key (customer_id, id);
alter table rewards.redemptions add constraint redemptions_id_key unique (id);

alter table rewards.vouchers drop constraint vouchers_pkey;
alter table rewards.vouchers add constraint vouchers_pkey primary key (customer_id, id);
alter table rewards.vouchers add constraint vouchers_id_key unique (id);

-- A voucher always had its redemption's member (both move in one merge); should one not, the
-- redemption's wins, before the reference requires it.
update rewards.vouchers v set customer_id = r.customer_id
  from rewards.redemptions r where r.id = v.redemption_id and r.customer_id <> v.customer_id;
alter table rewards.vouchers add constraint vouchers_redemption_fkey
  foreign key (customer_id, redemption_id) references rewards.redemptions (customer_id, id) on update cascade;
