-- A voucher used at an offline till: consumed_at is when the till took it (its occurredAt), and
-- consumed_recorded_at when rewards recorded the use. Uses before this migration were recorded as
-- they happened.
alter table rewards.vouchers add column consumed_recorded_at timestamptz;
update rewards.vouchers set consumed_recorded_at = consumed_at where consumed_at is not null;
