-- Messages, templates and outbound webhooks belong to the engagement subgraph now (issue 24): its
-- migration 001 moves the tables of 006 and 007, rows and all, into its schema. What is left here
-- is a copy only where engagement created its own first (a fresh database, engagement migrated
-- before profile ran 006 and 007): such a copy is dropped when engagement has the table and this
-- one holds no row. A table engagement has not taken yet stays, for its migration to move. The
-- same lock as engagement's migration orders the two; this looks at engagement's catalogue only.
select pg_advisory_xact_lock(hashtext('loyalty-graph:messaging-move'));

do $$
declare
  leftover text;
  has_rows boolean;
begin
  -- Referencing tables before the tables they reference.
  foreach leftover in array array['webhook_deliveries', 'webhook_endpoints', 'notifications',
                                  'notification_templates', 'consumer_cursors'] loop
    if to_regclass('profile.' || leftover) is not null and to_regclass('engagement.' || leftover) is not null then
      execute format('select exists (select 1 from profile.%I)', leftover) into has_rows;
      if not has_rows then
        execute format('drop table profile.%I', leftover);
      end if;
    end if;
  end loop;
  if to_regclass('profile.webhook_replays') is not null and to_regclass('engagement.webhook_replays') is not null
     and to_regclass('profile.webhook_deliveries') is null then
    drop sequence profile.webhook_replays;
  end if;
end $$;
