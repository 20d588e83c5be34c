-- A member's holds, newest first, of any status (Loyalty.holds: the app shows an open hold again
-- after a reload, and what became of the last ones).
create index points_holds_member_idx on ledger.points_holds (customer_id, created_at desc, id desc);
