-- A merged profile keeps its row, pointing at the profile it was merged into, so its id still resolves.
alter table profile.customers
  add column merged_into uuid references profile.customers (id),
  add column merged_at timestamptz;
create index customers_merged_into_idx on profile.customers (merged_into) where merged_into is not null;
