-- One row per member; identities (email, phone, ...) each belong to exactly one customer.
create table profile.customers (
  id uuid primary key,
  given_name text not null,
  family_name text,
  enrollment_channel text not null,
  enrollment_store_id text,
  enrolled_at timestamptz not null default now()
);

create table profile.identities (
  type text not null check (type in ('EMAIL', 'PHONE')),
  value text not null,
  customer_id uuid not null references profile.customers (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (type, value)
);

create index identities_customer_idx on profile.identities (customer_id);
