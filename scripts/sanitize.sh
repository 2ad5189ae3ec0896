#!/bin/sh
# Builds and runs the unit and integration suites under a sanitizer:
#   scripts/sanitize.sh asan   AddressSanitizer + LeakSanitizer + UBSan, in build-asan/
#   scripts/sanitize.sh tsan   ThreadSanitizer, in build-tsan/
# Configures once with the preset of the same name (Debug, -O1, no GUI: the ui suites are not run),
# builds, then runs the unit tests in parallel and the lab (integration) tests one at a time under
# /tmp/kinspect-labtests.lock (they use fixed lab dirs and ports). Any sanitizer report fails the
# test that produced it. Extra arguments go to both ctest runs (e.g. -R scan). Needs root for the lab.
# Suppressions: tests/sanitizers/*.supp (each entry says why it is not our bug).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-}
case "$mode" in
    asan | tsan) shift ;;
    *)
        echo "usage: scripts/sanitize.sh asan|tsan [ctest args...]" >&2
        exit 2
        ;;
esac
build="$root/build-$mode"
supp="$root/tests/sanitizers"
jobs=${KINSPECT_JOBS:-$(nproc)}

t0=$(date +%s)
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset "$mode" >/dev/null
fi
cmake --build "$build" --parallel "$jobs"
t1=$(date +%s)
echo "== sanitize $mode: build took $((t1 - t0)) s"

if [ "$mode" = asan ]; then
    # halt_on_error + -fno-sanitize-recover: the first report ends the test with a failure.
    export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:print_suppressions=0"
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
else
    # die_after_fork=0: the lab tests fork helpers that start threads (a TSan limitation, not a race).
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$supp/tsan.supp:print_suppressions=0"
fi

status=0
ctest --test-dir "$build" --output-on-failure --parallel "$jobs" -L unit -LE 'ui|bench|integration' "$@" \
    || status=1
t2=$(date +%s)
echo "== sanitize $mode: unit tests took $((t2 - t1)) s"
lock=""
if command -v flock >/dev/null; then
    lock="flock /tmp/kinspect-labtests.lock"
fi
$lock ctest --test-dir "$build" --output-on-failure -L integration -LE 'ui|bench' "$@" || status=1
t3=$(date +%s)
echo "== sanitize $mode: integration tests took $((t3 - t2)) s (total $((t3 - t0)) s)"
exit $status
