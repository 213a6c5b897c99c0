#!/bin/sh
# Runs every cargo-fuzz target for SECONDS each, one after the other, at low priority, and
# prints one summary line per target: executions, seconds fuzzed (and wall seconds), crashes
# (new files in artifacts/TARGET), corpus size, exit code. Logs go to fuzz/logs/TARGET.log.
# Exits non-zero if any target crashed or failed.
#
#   fuzz/run-all.sh 300            # five minutes each
#   JOBS=2 fuzz/run-all.sh 3600    # an hour each, two libFuzzer workers per target
set -u

seconds=${1:?usage: fuzz/run-all.sh SECONDS}
jobs=${JOBS:-1}
parallel=""
[ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
cd "$(dirname "$0")" || exit 2
mkdir -p logs corpus artifacts

cargo +nightly fuzz build >logs/build.log 2>&1 || {
    echo "build failed; see fuzz/logs/build.log" >&2
    exit 2
}

status=0
for target in $(cargo +nightly fuzz list); do
    mkdir -p "corpus/$target" "artifacts/$target"
    crashes_before=$(ls "artifacts/$target" | wc -l)
    started=$(date +%s)
    # The first corpus dir collects what libFuzzer finds; seeds/ (committed) is read only.
    nice -n 10 cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 $parallel \
        >"logs/$target.log" 2>&1
    code=$?
    elapsed=$(( $(date +%s) - started ))   # wall time, the build included
    # With -jobs, each worker logs to fuzz-N.log in the working directory.
    execs=$(cat "logs/$target.log" fuzz-*.log 2>/dev/null |
        sed -n 's/^stat::number_of_executed_units: *//p' | awk '{ sum += $1 } END { print sum + 0 }')
    cat fuzz-*.log >>"logs/$target.log" 2>/dev/null
    rm -f fuzz-*.log
    # libFuzzer's own count of fuzzing seconds (one line per worker: the longest).
    fuzzed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "logs/$target.log" | sort -n | tail -1)
    crashes=$(( $(ls "artifacts/$target" | wc -l) - crashes_before ))
    corpus=$(ls "corpus/$target" | wc -l)
    printf '%-12s execs=%-11s time=%ss (wall %ss) crashes=%s corpus=%s exit=%s\n' \
        "$target" "$execs" "${fuzzed:-?}" "$elapsed" "$crashes" "$corpus" "$code"
    [ "$code" -eq 0 ] && [ "$crashes" -eq 0 ] || status=1
done
exit $status
