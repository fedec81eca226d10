-- Sign-in throttling with a delay that grows (src/lib/server/auth/throttle.ts) instead of a count of
-- failures in a window, which let anyone lock an account out and was checked before it was counted.
-- One row per key: an account from one address, an address across accounts, an account across addresses.
-- An attempt is counted before the password is checked, by one upsert that also refuses it when the
-- key's delay has not passed, so concurrent attempts cannot all slip through.
drop table sign_in_failures;

create table sign_in_throttle (
	scope text not null check (scope in ('account_address', 'address', 'account')),
	key text not null,
	attempts integer not null check (attempts >= 0),  -- since the last success, or since it was forgotten
	last_attempt_at timestamptz not null default now(),
	succeeded_at timestamptz,                       -- account_address only: this account signed in from here
	primary key (scope, key)
);
create index sign_in_throttle_last_attempt on sign_in_throttle (last_attempt_at);
