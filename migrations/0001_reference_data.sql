-- Reference data: regions, local authorities, RCCs, children's homes, fostering capacity and the
-- (synthetic, in the demo) looked-after children. Geometry is GeoJSON in jsonb, WGS84 lon/lat: the app
-- does its spatial work in TypeScript and needs no PostGIS.

create table regions (
	code text primary key,
	name text not null,
	geometry jsonb not null
);

create table las (
	code text primary key,           -- ONS GSS code of the upper-tier LA (CTYUA Dec 2024)
	name text not null,
	dfe_code text,                   -- DfE three-digit old_la_code
	region_code text not null,
	region_name text not null,
	geometry jsonb not null,         -- Polygon or MultiPolygon
	label_lon double precision not null,
	label_lat double precision not null,
	population_0_17 integer,
	-- Figures as DfE and Ofsted publish them, null where suppressed or not applicable.
	published jsonb not null default '{}'
);

create table rccs (
	id text primary key,
	name text not null,
	is_demo boolean not null default false,
	created_at timestamptz not null default now()
);

create table rcc_members (
	rcc_id text not null references rccs (id) on delete cascade,
	la_code text not null references las (code),
	primary key (rcc_id, la_code)
);
create index rcc_members_la on rcc_members (la_code);

create table homes (
	urn text primary key,            -- Ofsted unique reference number
	la_code text not null references las (code),
	provision_type text not null,    -- Children's home, Secure children's home, ...
	kind text not null,              -- childrens_home | secure | residential_school | supported
	sector text not null,            -- Private, Local Authority, Voluntary, Health Authority
	places integer not null check (places >= 0),
	vacancies integer not null default 0 check (vacancies >= 0),
	owner text,
	registration_date date,
	inspection_date date,
	grade_overall text,
	grade_help_and_protect text,
	grade_leadership text,
	-- Ofsted redacts addresses: the location is a generated point inside the LA.
	lon double precision not null,
	lat double precision not null,
	location_approximate boolean not null default true,
	age_min integer not null default 0,
	age_max integer not null default 17,
	needs text[] not null default '{}'  -- needs the home is registered and staffed for
);
create index homes_la on homes (la_code);

create table fostering_capacity (
	la_code text primary key references las (code),
	households integer not null,
	places integer not null,
	vacancies integer not null,
	source text not null
);

create table children (
	id text primary key,
	la_code text not null references las (code),   -- home (responsible) LA
	synthetic boolean not null default true,
	sex text,
	age integer not null,
	placement_type text not null,   -- foster | childrens_home | secure | residential_school | supported | other
	needs text[] not null default '{}',
	-- Generalised home location: a small-area centroid (jittered), never an address.
	home_area text,
	home_lon double precision not null,
	home_lat double precision not null,
	placement_lon double precision,
	placement_lat double precision,
	placement_la_code text references las (code),
	placement_urn text references homes (urn)
);
create index children_la on children (la_code);
create index children_placement_urn on children (placement_urn);

-- Facts about the data set as a whole: what was seeded, from which sources, when.
create table dataset_meta (
	key text primary key,
	value jsonb not null,
	updated_at timestamptz not null default now()
);
