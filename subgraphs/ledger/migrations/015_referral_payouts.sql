-- Referrals with codes (issue 29): the friend's own reward is an activity of its own
-- (REFERRED_FRIEND), and a referral whose friend returned their first purchase is CANCELLED instead
-- of paid. The referrer is paid once the friend's first purchase has left its pending window.
alter table ledger.activities drop constraint activities_kind_check;
alter table ledger.activities add constraint activities_kind_check
  check (kind in ('SIGN_UP', 'REFERRAL', 'REFERRED_FRIEND', 'PRODUCT_REVIEW', 'SOCIAL_SHARE', 'BIRTHDAY'));
alter table ledger.activities drop constraint activities_status_check;
alter table ledger.activities add constraint activities_status_check
  check (status in ('CREDITED', 'AWAITING_PURCHASE', 'CANCELLED'));
alter table ledger.activities add column cancelled_at timestamptz;

-- The referrals still waiting, found by the points job without reading every activity.
create index activities_awaiting_referral_idx on ledger.activities (referred_customer_id)
  where kind = 'REFERRAL' and status = 'AWAITING_PURCHASE';
