-- The reward every member gets on their birthday (none: no birthday reward), and the last day the
-- rewards job finished granting it.
create table rewards.settings (
  id boolean primary key default true check (id),
  birthday_reward_id uuid references rewards.rewards (id),
  birthday_granted_on date,
  updated_at timestamptz not null default now()
);
insert into rewards.settings (id) values (true);
