-- Members imported from another loyalty engine keep their id there (the import's memberKey) as an identity.
alter table profile.identities drop constraint identities_type_check;
alter table profile.identities add constraint identities_type_check
  check (type in ('EMAIL', 'PHONE', 'MEMBER_CARD', 'APP_MEMBER_ID', 'POS_CUSTOMER_ID', 'ECOMMERCE_CUSTOMER_ID',
                  'LEGACY_MEMBER_ID'));
