#!/usr/bin/env bash
# run.sh SECONDS [TARGET...]: run each fuzz target (all by default) for
# SECONDS from its committed seeds (corpus/TARGET) plus what earlier runs
# found (build/corpus/TARGET, not committed).  Prints one line per target,
#   ok TARGET: N runs in S s, C inputs in the corpus
#   not ok TARGET: <the report>, input saved as build/crashes/...
# and exits non-zero if any target failed.  Build first: make -C fuzz.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || read -r -a targets <<<"$(make -s targets)"
mkdir -p build/logs build/crashes
failed=0
for t in "${targets[@]}"; do
	mkdir -p "build/corpus/$t" "corpus/$t"
	log=build/logs/$t.log
	# -timeout: one input taking that long is a finding (a parser that does
	# not scale); -rss_limit_mb: so does one that needs that much memory
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
		"build/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
		-print_final_stats=1 -artifact_prefix="build/crashes/$t-" \
		"build/corpus/$t" "corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		n=$(find "build/corpus/$t" "corpus/$t" -type f | wc -l)
		echo "ok $t: ${runs:-?} runs in $secs s, $n inputs in the corpus"
	else
		failed=$((failed + 1))
		what=$(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|shim:|[a-z_]+: [a-z(]+.*: )|runtime error' "$log")
		art=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -1)
		echo "not ok $t: ${what:-exit $rc}; input: fuzz/${art:-?}; log: fuzz/$log"
	fi
done
[ "$failed" -eq 0 ]
