-- Published versions of sufficiency plans (src/lib/plan): the text and figures frozen at publishing,
-- numbered 1, 2, ... per plan, public at /published/<rcc_id>/<plan_id>/v<n>. Never changed once written:
-- the trigger below refuses updates and deletes (only removing the whole plan or RCC cascades).

create table published_versions (
	rcc_id text not null references rccs (id) on delete cascade,
	plan_id text not null references plans (id) on delete cascade,
	version integer not null check (version >= 1),
	title text not null,
	period text,
	html text not null,                       -- rendered by renderPlanHtml: escaped, figures frozen
	figures jsonb not null default '[]',      -- the figures quoted, as shown (suppressed ones withheld)
	published_by integer references users (id) on delete set null,
	published_by_name text not null,
	published_at timestamptz not null default now(),
	primary key (plan_id, version)
);
create index published_versions_rcc on published_versions (rcc_id, published_at desc);

create function published_versions_immutable() returns trigger language plpgsql as $$
begin
	-- A cascade from deleting the plan or its RCC is allowed; nothing else may rewrite a published version.
	if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
		return old;
	end if;
	raise exception 'published versions cannot be changed (version % of plan %)', old.version, old.plan_id;
end;
$$;

create trigger published_versions_immutable before update or delete on published_versions
	for each row execute function published_versions_immutable();
