#!/usr/bin/env bash
# The dashboard's own cost: (1) peak RSS after replaying a synthetic 24-hour recording (two modes and the
# host at 1 Hz, generated here and labelled synthetic), drawn offscreen into a PNG; (2) its CPU while it
# watches a live pair on a private engine (two containers, the host sampler and the process list),
# measured from /proc over 60 s after a 10 s warm-up; (3) the Windows build replaying the same recording
# under Wine, on the windows platform plugin (an X display of its own) and offscreen, with what its
# resident memory is made of beside the Linux build's.
#   Usage: tests/bench/dashboard-footprint.sh   (root; the optimized build: cmake --preset bench && cmake --build --preset bench;
#          part 3 also the Windows build: cmake --preset mingw-cross && cmake --build --preset mingw-cross)
#   ISOLENS_BENCH_DIR, ISOLENS_MINGW_DIR: other build folders (default build/bench, build/mingw-cross);
#   ISOLENS_FOOTPRINT_SKIP_LIVE=1 leaves out part 2 (the private engine, 75 s).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=${ISOLENS_BENCH_DIR:-$root/build/bench}
mingw=${ISOLENS_MINGW_DIR:-$root/build/mingw-cross}
dashboard=$bench/app/dashboard/isolens
[[ -x "$dashboard" ]] || { echo "dashboard-footprint: build first: cmake --preset bench && cmake --build --preset bench" >&2; exit 1; }
work=$(mktemp -d /tmp/isolens-footprint.XXXXXX)
env_file=$work/engine.env
cleanup() {
    [[ -n "${watcher:-}" ]] && kill "$watcher" 2>/dev/null && wait "$watcher" 2>/dev/null || true
    "$root/tests/engine/private-engine.sh" stop "$env_file" >/dev/null 2>&1 || true
    [[ -d "$work/wine" ]] && WINEPREFIX=$work/wine wineserver -k >/dev/null 2>&1 || true
    [[ -n "${xvfb:-}" ]] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "1. replaying a synthetic 24-hour recording"
"$bench/tests/bench/isolens_synthetic_recording" "$work/day.jsonl" 24
echo "   file: $(du -m "$work/day.jsonl" | cut -f1) MB"
/usr/bin/time -f "%M %e %U %S" -o "$work/time" env QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work" \
    "$dashboard" --host unix:///nonexistent-isolens.sock --replay "$work/day.jsonl" --view compare \
    --export-png "$work/day.png" --after 1 --size 1600x1000 >/dev/null 2>&1
read -r rss elapsed user system <"$work/time"
echo "   peak RSS $((rss / 1024)) MiB (target <= 80 MiB); ${elapsed} s wall, $(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}') s CPU to load, draw and write the PNG"

echo "2. watching a live pair"
if [[ "${ISOLENS_FOOTPRINT_SKIP_LIVE:-}" == 1 ]]; then
    echo "   skipped (ISOLENS_FOOTPRINT_SKIP_LIVE=1)"
else
    "$root/tests/engine/private-engine.sh" start "$env_file" >/dev/null
    # shellcheck disable=SC1090
    source "$env_file"
    QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work" "$dashboard" --host "$ISOLENS_TEST_DOCKER_HOST" \
        --start "$ISOLENS_TEST_IMAGE" --cmd "sleep 3600" --modes "runc,$ISOLENS_TEST_SECOND_RUNTIME" \
        --export-png "$work/live.png" --after 75 >/dev/null 2>&1 &
    watcher=$!
    ticks=$(getconf CLK_TCK)
    cpu_of() { cut -d' ' -f14,15 "/proc/$1/stat" | awk '{print $1 + $2}'; }
    sleep 10
    before=$(cpu_of "$watcher")
    sleep 60
    after=$(cpu_of "$watcher")
    rss_now=$(awk '/VmRSS/ {print $2}' "/proc/$watcher/status")
    wait "$watcher" || true
    watcher=
    echo "   CPU $(awk -v d="$((after - before))" -v t="$ticks" 'BEGIN {printf "%.2f", 100 * d / t / 60}')% of one core over 60 s (target <= 2%); RSS $((rss_now / 1024)) MiB"
fi

echo "3. the Windows build under Wine"
# shellcheck source=tests/bench/dashboard-footprint-wine.sh
source "$root/tests/bench/dashboard-footprint-wine.sh"
