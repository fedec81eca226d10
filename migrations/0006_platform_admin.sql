-- Issue 11: an LA's child-level data belongs to that LA, so an LA belongs to at most one RCC at a time,
-- only a platform administrator moves an LA between RCCs, and an RCC administrator learns nothing about
-- accounts beyond their own RCC.

-- Platform administrators (created with `npm run user:create -- --platform-admin`) move LAs between
-- RCCs. The flag gives no access to any RCC's data: that still takes a role in the RCC.
alter table users add column platform_admin boolean not null default false;

-- A database written before this rule may hold an LA in two RCCs (issue 11's attack). Which membership
-- is right is for a person to decide, so the upgrade stops and names them rather than guessing.
do $$
declare
	clash text;
begin
	select string_agg(la_code || ' in ' || rcc_ids, '; ' order by la_code) into clash
	from (
		select la_code, string_agg(rcc_id, ', ' order by rcc_id) as rcc_ids
		from rcc_members group by la_code having count(*) > 1
	) shared;
	if clash is not null then
		raise exception 'An LA may belong to one RCC only, but these belong to several: %. Delete the wrong rows from rcc_members (their commissioners lose those roles), then start again.', clash;
	end if;
end $$;
create unique index rcc_members_one_rcc on rcc_members (la_code);
drop index rcc_members_la;

-- What an RCC's administrators see of a person is what they typed and what happened in their RCC: the
-- name they gave (null for grants from the command line or the demo: the account's name is shown) and
-- when the person joined the RCC (sign-ins before that are not theirs to see). `granted_at` moves with
-- every role change; `added_at` does not.
alter table user_roles add column name text;
alter table user_roles add column added_at timestamptz not null default now();
update user_roles set added_at = granted_at;
