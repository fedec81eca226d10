-- Issue 13: each LA brings its own data (src/lib/server/import, `npm run import`, docs/import.md).

-- The key of each LA's keyed hash of SSDA903 CHILD ids (HMAC-SHA256). Made on the LA's first import,
-- never read by any endpoint or export: without it an imported id cannot be traced back to a CHILD.
create table import_keys (
	la_code text primary key references las (code),
	key bytea not null check (length(key) = 32),
	created_at timestamptz not null default now()
);

-- What the SSDA903 header gives about each child, reduced: sex, month of birth and age band. UPN,
-- mother's details and ethnicity are never stored. `child_id` is the keyed hash (children.id).
create table imported_children (
	la_code text not null references las (code),
	child_id text not null,
	sex text check (sex in ('male', 'female')),
	birth_month text not null check (birth_month ~ '^\d{4}-\d{2}$'),
	age_band text not null,
	primary key (la_code, child_id)
);

-- Centroids of postcode sectors ("M14 5"), computed from the ONS postcode directory's live postcodes.
create table postcode_sectors (
	sector text primary key check (sector ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]$'),
	lon double precision not null,
	lat double precision not null,
	postcodes integer not null check (postcodes > 0)
);

-- Homes that left Ofsted's list are closed, not deleted: placements and plans may still name them.
alter table homes add column closed_on date;
-- A commissioner placed the home (an Ofsted refresh never moves it).
alter table homes add column location_set_by_commissioner boolean not null default false;

-- Every import that changed something, with the state it replaced so that the last one can be undone.
-- `before` holds the rows of the tables the import rewrote, as jsonb per table; nothing of the file.
create table import_runs (
	id bigint generated always as identity primary key,
	at timestamptz not null default now(),
	kind text not null check (kind in ('ssda903-header', 'ssda903-episodes', 'ofsted-providers',
		'fostering-capacity', 'vacancies', 'postcode-sectors')),
	la_codes text[] not null,
	actor_id integer references users (id) on delete set null,
	actor_email text,
	file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
	counts jsonb not null,
	before jsonb not null,
	restored_at timestamptz
);
create index import_runs_latest on import_runs (at desc, id desc);

-- Where each LA's child-level figures come from: absent means the synthetic demo cohort.
create table la_data_sources (
	la_code text not null references las (code),
	kind text not null,
	imported_at timestamptz not null,
	run_id bigint not null references import_runs (id),
	primary key (la_code, kind)
);
