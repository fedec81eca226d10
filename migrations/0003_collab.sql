-- Collaborative documents (server/collab): the plans they belong to, their Yjs updates and named
-- snapshots. Document names: 'plan:<plans.id>' and 'map:<rccs.id>' (src/lib/collab/doc-name.ts).

-- A sufficiency plan of one RCC; its text and action plan live in the Yjs document 'plan:<id>'.
create table plans (
	id text primary key default gen_random_uuid()::text
		check (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
	rcc_id text not null references rccs (id) on delete cascade,
	title text not null,
	period text,                             -- e.g. '2026-2029'
	created_at timestamptz not null default now(),
	created_by integer references users (id) on delete set null
);
create index plans_rcc on plans (rcc_id);

-- Yjs updates as they arrived (each one a client's edit), replaced from time to time by one merged update
-- (compaction). Applying every row of a document in any order gives its state.
create table collab_updates (
	doc text not null,
	id bigserial,
	update bytea not null,
	created_at timestamptz not null default now(),
	primary key (doc, id)
);

-- Named versions of a document: its full state as one Yjs update.
create table collab_snapshots (
	id bigserial primary key,
	doc text not null,
	name text not null,
	state bytea not null,
	created_at timestamptz not null default now(),
	created_by integer references users (id) on delete set null
);
create index collab_snapshots_doc on collab_snapshots (doc, created_at desc);
