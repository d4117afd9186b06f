#!/bin/sh
# Regenerates reports/ from the shipped scenarios: release build, one run folder per scenario and seed under runs/,
# then `shardsim report` into reports/NAME/ (report.md, report.html, charts/, report-data/).
#
#   scripts/make-reports.sh                      # every report
#   scripts/make-reports.sh quickstart fee-spike # only these (names: quickstart fee-spike reference compare-models load-sweep
#                                                  accumulators two-phase-contention)
#
# Every report rests on 5 seeds (1-5), so its intervals are 95 % t-intervals from n = 5. JOBS (default 2) runs go
# in parallel. On 2 cores, after the build: quickstart, fee-spike, load-sweep and two-phase-contention a minute or two
# each, compare-models
# about 5 minutes, reference the most by far: each seed is a simulated hour of 64 shards, 3.5 minutes on two free
# cores and about 25 minutes per seed on a busy shared machine.
set -eu
cd "$(dirname "$0")/.."
SEEDS=1,2,3,4,5
JOBS=${JOBS:-2}
NAMES=${*:-quickstart fee-spike reference compare-models load-sweep accumulators two-phase-contention}
swift build -c release --product shardsim
BIN=.build/release/shardsim
for name in $NAMES; do
    # reports/accumulators/ is the one-block benchmark (shardsim bench accumulators); the run report goes beside it.
    out="reports/$name"
    [ "$name" = accumulators ] && out="reports/accumulators-run"
    rm -rf "runs/reports-$name" "$out"
    case "$name" in
    compare-models)
        # Every cross-shard model on the same workload and seeds.
        "$BIN" compare scenarios/compare-models.yaml --seeds 5 --out "runs/reports-$name"
        ;;
    quickstart | fee-spike | reference | load-sweep | two-phase-contention)
        # Each point (one without a sweep grid) once per seed.
        "$BIN" sweep "scenarios/$name.yaml" --seeds "$SEEDS" --jobs "$JOBS" --out "runs/reports-$name"
        ;;
    accumulators)
        # The token EEs side by side (scenarios/accumulators.yaml).
        "$BIN" sweep scenarios/accumulators.yaml --seeds "$SEEDS" --jobs "$JOBS" --out "runs/reports-$name"
        ;;
    *)
        echo "make-reports.sh: unknown report '$name' (expected quickstart, fee-spike, reference, compare-models, load-sweep, accumulators or two-phase-contention)" >&2
        exit 2
        ;;
    esac
    "$BIN" report "runs/reports-$name" --out "$out"
done
