-- NPS answers members give on any channel, and erasure (personal data removed, the id kept).
create table profile.feedback (
  id uuid primary key,
  customer_id uuid not null references profile.customers (id) on delete cascade,
  score smallint not null check (score between 0 and 10),
  comment text,
  channel text not null,
  created_at timestamptz not null default now()
);
create index feedback_customer_idx on profile.feedback (customer_id, created_at desc);
create index feedback_time_idx on profile.feedback (created_at);

alter table profile.customers add column erased_at timestamptz;
