#!/bin/sh
# Regenerates reports/ from the shipped scenarios: release build, one run folder per scenario and seed under runs/,
# then `shardsim report` into reports/NAME/. Run from the repository root; after the build it takes about 15 minutes
# on 2 cores, most of it the reference scenario's three simulated hours (about 3.5 minutes each).
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product shardsim
BIN=.build/release/shardsim
# Single-model scenarios: three replications, so the report shows 95 % confidence intervals across seeds.
for scenario in scenarios/quickstart.yaml scenarios/fee-spike.yaml scenarios/reference.yaml; do
    name=$(basename "$scenario" .yaml)
    rm -rf "runs/reports-$name" "reports/$name"
    "$BIN" sweep "$scenario" --seeds 1,2,3 --jobs 2 --out "runs/reports-$name"
    "$BIN" report "runs/reports-$name" --out "reports/$name"
done

# The cross-shard models side by side, on the same workload and seeds.
rm -rf runs/reports-compare-models reports/compare-models
"$BIN" compare scenarios/compare-models.yaml --out runs/reports-compare-models
"$BIN" report runs/reports-compare-models --out reports/compare-models
