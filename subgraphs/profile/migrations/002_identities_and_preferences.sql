-- More ways to recognise a member, and what they told us about themselves.
alter table profile.identities drop constraint identities_type_check;
alter table profile.identities add constraint identities_type_check
  check (type in ('EMAIL', 'PHONE', 'MEMBER_CARD', 'APP_MEMBER_ID', 'POS_CUSTOMER_ID', 'ECOMMERCE_CUSTOMER_ID'));

alter table profile.customers
  add column birthday date,
  add column preferred_channel text,
  add column language text,
  add column attributes jsonb not null default '{}';

-- Consent per channel: the latest row per (customer, channel) is the current answer; the rows before
-- it are the history (when, where from, who).
create table profile.consents (
  id bigint generated always as identity primary key,
  customer_id uuid not null references profile.customers (id) on delete cascade,
  channel text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
  granted boolean not null,
  source text not null,
  actor jsonb,
  changed_at timestamptz not null default now()
);
create index consents_customer_idx on profile.consents (customer_id, channel, id desc);
