-- Program metrics are read from these aggregates, which a job folds the ledger's own outbox and
-- journal into from saved cursors (ledger.consumer_cursors 'metrics:events' and 'metrics:entries').
-- Days are UTC.

-- What each member bought per day, channel, store ('' for none) and currency; refunds on the day
-- of the return, against the original order's channel and store.
create table ledger.metrics_member_days (
  day date not null,
  customer_id uuid not null,
  channel text not null,
  store_id text not null,
  currency char(3) not null,
  orders int not null default 0,
  spend bigint not null default 0,
  refunds bigint not null default 0,
  primary key (day, customer_id, channel, store_id, currency)
);
create index metrics_member_days_customer_idx on ledger.metrics_member_days (customer_id);

-- Points posted per day and journal entry kind.
create table ledger.metrics_points_days (
  day date not null,
  kind text not null,
  points bigint not null default 0,
  primary key (day, kind)
);
