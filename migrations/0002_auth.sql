-- Accounts, roles per RCC, sessions, sign-in throttling and the audit log.
-- Emails are stored lower case; passwords as scrypt hashes (src/lib/server/auth/password.ts); a session
-- token is never stored, only its SHA-256.

create table users (
	id integer generated always as identity primary key,
	email text not null check (email = lower(email)),
	name text not null,
	la_code text references las (code),      -- the LA the person works for, if any
	password_hash text,                       -- null: cannot sign in until a password is set
	disabled boolean not null default false,
	is_demo boolean not null default false,   -- created with the demo data
	created_at timestamptz not null default now(),
	last_sign_in_at timestamptz
);
create unique index users_email on users (email);

-- One role per person per RCC. A commissioner acts for one member LA of that RCC: the composite key
-- makes a role go with the LA when the LA leaves the RCC.
create table user_roles (
	user_id integer not null references users (id) on delete cascade,
	rcc_id text not null references rccs (id) on delete cascade,
	role text not null check (role in ('viewer', 'commissioner', 'rcc_admin')),
	la_code text,
	granted_at timestamptz not null default now(),
	granted_by integer references users (id) on delete set null,
	primary key (user_id, rcc_id),
	check (role <> 'commissioner' or la_code is not null),
	foreign key (rcc_id, la_code) references rcc_members (rcc_id, la_code) on delete cascade
);
create index user_roles_rcc on user_roles (rcc_id);

create table sessions (
	token_hash text primary key,              -- hex SHA-256 of the cookie value
	user_id integer not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,          -- slides forward with use, never past created_at + 7 days
	last_seen_at timestamptz not null default now(),
	address text,
	user_agent text
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

-- Failed sign-ins within the throttling window, per account (the email as typed, known or not) and per
-- client address. Rows older than the window are pruned as new ones arrive.
create table sign_in_failures (
	id bigint generated always as identity primary key,
	scope text not null check (scope in ('account', 'address')),
	key text not null,
	failed_at timestamptz not null default now()
);
create index sign_in_failures_key on sign_in_failures (scope, key, failed_at);

-- Who did what, when, from where. No foreign key to rccs: the log outlives what it mentions.
create table audit_log (
	id bigint generated always as identity primary key,
	at timestamptz not null default now(),
	actor_id integer references users (id) on delete set null,
	actor_email text,
	action text not null,
	rcc_id text,
	subject text,
	details jsonb not null default '{}',
	address text
);
create index audit_log_at on audit_log (at desc);
create index audit_log_rcc on audit_log (rcc_id, at desc);
create index audit_log_actor on audit_log (actor_id, at desc);
