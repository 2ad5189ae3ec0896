#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz for a bounded time each (docs/fuzzing.md).
#
#   scripts/fuzz.sh [--seconds N] [--jobs J] [--no-build] [target...]
#
# Targets: snapshot argv yamledit inventory (default: all). Builds build-fuzz with clang when
# needed (ASan + UBSan + coverage), runs every target N seconds (default 60) on a scratch copy of
# its seed corpus and regression inputs (the repository is never written), J targets at a time
# (default 1); --no-build runs the binaries already in the build dir. Prints per target the
# executions, exec/s, final coverage and corpus size.
# Exit status 1 when a target found anything: the crashing input and the log are kept and named.
# Environment: KINSPECT_FUZZ_BUILD (build dir, default <repo>/build-fuzz), KINSPECT_FUZZ_WORK
# (scratch dir, default a new /tmp/kinspect-fuzz.XXXXXX), KINSPECT_FUZZ_BUILD_JOBS (default 2).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KINSPECT_FUZZ_BUILD:-$repo/build-fuzz}"
seconds=60
jobs=1
build_it=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --jobs) jobs="$2"; shift 2 ;;
    --jobs=*) jobs="${1#*=}"; shift ;;
    --no-build) build_it=0; shift ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
    *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(snapshot argv yamledit inventory)
for t in "${targets[@]}"; do
    [ -d "$repo/tests/fuzz/corpus/$t" ] || { echo "fuzz.sh: unknown target $t" >&2; exit 64; }
done
case "$seconds$jobs" in *[!0-9]*) echo "fuzz.sh: --seconds and --jobs take numbers" >&2; exit 64 ;; esac

# Configure (once) and build the fuzzers with clang.
if [ "$build_it" = 1 ] && ! grep -qs '^KINSPECT_BUILD_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
    CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DKINSPECT_SANITIZE=address,undefined,fuzzer-no-link -DKINSPECT_BUILD_GUI=OFF \
        -DKINSPECT_BUILD_FUZZ=ON >/dev/null
fi
if [ "$build_it" = 1 ]; then
    cmake --build "$build" -j"${KINSPECT_FUZZ_BUILD_JOBS:-2}" \
        --target "${targets[@]/#/fuzz_}" >/dev/null
fi

work="${KINSPECT_FUZZ_WORK:-$(mktemp -d /tmp/kinspect-fuzz.XXXXXX)}"
mkdir -p "$work"
# UBSan reports are findings: stop at the first, like ASan does.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export QT_QPA_PLATFORM=offscreen

run_one() {
    local t="$1" dir="$work/$1"
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/regressions" "$dir/artifacts"
    cp -r "$repo/tests/fuzz/corpus/$t/." "$dir/corpus/"
    if [ -d "$repo/tests/fuzz/regressions/$t" ]; then
        cp -r "$repo/tests/fuzz/regressions/$t/." "$dir/regressions/"
    fi
    local dict=()
    [ -f "$repo/tests/fuzz/$t.dict" ] && dict=("-dict=$repo/tests/fuzz/$t.dict")
    local rc=0
    "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "${dict[@]}" \
        "$dir/corpus" "$dir/regressions" >"$dir/log" 2>&1 || rc=$?
    echo "$rc" >"$dir/rc"
}

summary() {
    local t="$1" dir="$work/$1" rc execs rate done cov ft corp
    rc="$(cat "$dir/rc")"
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)"
    done="$(grep -E '^#[0-9]+' "$dir/log" | tail -1 || true)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done")"
    corp="$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<<"$done")"
    local crashes
    crashes="$(find "$dir/artifacts" -type f | sort)"
    if [ "$rc" = 0 ] && [ -z "$crashes" ]; then
        printf '%-10s ok       %ss  execs=%s  exec/s=%s  cov=%s  ft=%s  corpus=%s\n' \
            "$t" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}"
        return 0
    fi
    printf '%-10s FOUND    exit=%s  execs=%s  log=%s\n' "$t" "$rc" "${execs:-?}" "$dir/log"
    for c in $crashes; do echo "           input: $c"; done
    grep -m1 -E 'ERROR: |INVARIANT BROKEN|runtime error|qFatal' "$dir/log" | sed 's/^/           /' || true
    return 1
}

echo "fuzz.sh: ${#targets[@]} target(s), ${seconds}s each, $jobs at a time, scratch $work"
pending=("${targets[@]}")
while [ ${#pending[@]} -gt 0 ]; do
    batch=("${pending[@]:0:$jobs}")
    pending=("${pending[@]:$jobs}")
    for t in "${batch[@]}"; do run_one "$t" & done
    wait
done
status=0
for t in "${targets[@]}"; do summary "$t" || status=1; done
exit "$status"
