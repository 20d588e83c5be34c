-- Store credit and cashback as a tender of the purchase itself (issue 29): spent in the purchase's
-- transaction, so a sale and its wallet payment commit together or not at all, and the wallet
-- share comes back pro rata when goods are returned.
create table ledger.wallet_order_payments (
  customer_id uuid not null,
  order_id uuid not null,
  wallet text not null references ledger.wallet_types (code),
  amount bigint not null check (amount > 0),
  -- Given back by returns so far.
  refunded bigint not null default 0 check (refunded >= 0 and refunded <= amount),
  primary key (customer_id, order_id, wallet)
);

create index wallet_order_payments_order_idx on ledger.wallet_order_payments (order_id);

alter table ledger.wallet_entries drop constraint wallet_entries_kind_check;
alter table ledger.wallet_entries add constraint wallet_entries_kind_check
  check (kind in ('EARN', 'RELEASE', 'REVERSE', 'SPEND', 'ADJUST', 'EXPIRE', 'CARD_COMPLETED', 'AWARD', 'MERGE_OUT',
                  'MERGE_IN', 'REFUND'));
