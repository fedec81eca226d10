#!/usr/bin/env bash
# The incremental mutation step for CI (README "Test it", docs/mutation.md). Not yet called by .ci/run:
# the committed unit baseline is stale (see the README), so this would re-test most mutants and fail its
# budget. Run from the project root after `npm test`; exits non-zero when a run fails, runs over budget or
# a module not in tests/mutation/pending.json scores under 85%.
set -uo pipefail
cd "$(dirname "$0")/../.."
log() { printf '\n== %s\n' "$*"; }
mkdir -p test-results
status=0
# Mutation testing of the privacy and collaboration core (docs/mutation.md): incremental against the
# committed reports/stryker-incremental-*.json, so only mutants whose code or covering tests changed since
# those runs are tested; the rest reuse their results. A run over its budget means a baseline is stale:
# run `npm run test:mutation` and commit both files. Then every module not in tests/mutation/pending.json
# must score at least 85% (tests/mutation/check-scores.ts).
log "Mutation testing (incremental)"
budget="${MUTATION_BUDGET_SECONDS:-300}"
rm -f reports/mutation/unit.json reports/mutation/integration.json
for run in unit integration; do
	started=$SECONDS
	if ! timeout --kill-after=30 "$budget" npm run "test:mutation:$run" >"test-results/mutation-$run.log" 2>&1; then
		tail -n 40 "test-results/mutation-$run.log" >&2
		echo "FAIL: the $run mutation run failed or took over $budget s (stale reports/stryker-incremental-$run.json? run npm run test:mutation and commit it)" >&2
		status=1
	fi
	grep -A3 'Incremental report' "test-results/mutation-$run.log" | sed -e 's/\x1b\[[0-9;]*m//g' || true
	echo "$run mutation run: $((SECONDS - started)) s"
done
if ! npm run --silent test:mutation:scores; then
	echo "FAIL: a module's mutation score is below the threshold, or a run left no report (see above; docs/mutation.md)" >&2
	status=1
fi

exit "$status"
