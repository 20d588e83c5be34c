-- Program metrics count members by enrolment time.
create index customers_enrolled_idx on profile.customers (enrolled_at);
