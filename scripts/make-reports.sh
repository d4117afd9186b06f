#!/bin/sh
# Regenerates reports/ from the shipped scenarios: release build, one run folder per scenario and seed under runs/,
# then `shardsim report` into reports/NAME/. Run from the repository root; takes a minute or two after the build.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product shardsim
BIN=.build/release/shardsim
# Scenarios with a report; add compare-models / fee-spike here when they ship.
for scenario in scenarios/quickstart.yaml; do
    name=$(basename "$scenario" .yaml)
    rm -rf "runs/reports-$name" "reports/$name"
    # Three replications, so the report shows 95 % confidence intervals across seeds.
    "$BIN" sweep "$scenario" --seeds 1,2,3 --jobs 2 --out "runs/reports-$name"
    "$BIN" report "runs/reports-$name" --out "reports/$name"
done
