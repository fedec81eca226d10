-- Issue 14: an RCC's cost settings, edited by its administrator. Each column null = the regional
-- defaults in src/lib/domain/costs (unit costs from the CMA market study, contribution bands in the
-- South East pathfinder's range); the RCC's running costs budget in whole pounds a year.
create table rcc_cost_settings (
	rcc_id text primary key references rccs (id) on delete cascade,
	unit_costs jsonb,
	bands jsonb,
	budget_pounds integer check (budget_pounds >= 0),
	updated_at timestamptz not null default now(),
	updated_by integer references users (id) on delete set null
);
