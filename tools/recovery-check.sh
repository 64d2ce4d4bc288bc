#!/usr/bin/env bash
# The full recovery check of the population calibration (issue 14; simulation-based calibration, Talts et al. 2018, in
# the issue's simplified form): 100 data sets simulated from the 1816-1944 population at truths drawn from the default
# priors, each calibrated with the default settings (1,000 particles, 10 generations), and the share of replicates whose
# 95% interval covers the truth, per parameter; it passes at 90% or more. The CI test
# (RecoveryTests, 20 replicates at 200 particles) runs with every `dotnet test`; this one is the skipped
# Calibrate_HundredDataSetsAtTheDefaultSettings_... test, run with DETERRENCESIM_FULL_RECOVERY=1. 4 to 6 minutes on
# 2 cores (2026-12-06; after issue 16's new streams: 97, 97 and 96 of 100 for noise, cost and dissatisfaction). Prints each replicate (truth and interval) and the coverage line; exits non-zero when the check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
DETERRENCESIM_FULL_RECOVERY=1 dotnet test tests/DeterrenceSim.Tests -c Release \
  --filter "FullyQualifiedName~RecoveryTests.Calibrate_HundredDataSets" --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
set -e
grep -E '^ *(replicate|coverage)' "$log" | sed 's/^ *//'
grep -E '^ *(Passed|Failed|Skipped) ' "$log" | sed 's/^ *//' || true
if [ "$status" -ne 0 ]; then
  grep -E 'Assert|expected at least|error' "$log" | head -20 >&2 || true
fi
exit "$status"
