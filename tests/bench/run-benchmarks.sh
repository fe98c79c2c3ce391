#!/usr/bin/env bash
# Builds the optimized configuration and runs every benchmark, in the order BENCHMARKS.md reports them.
#   Usage: tests/bench/run-benchmarks.sh   (root: the sampling, exporter and footprint runs start a private engine)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
.ci/install-deps.sh
cmake --preset bench >/dev/null
cmake --build --preset bench
echo "== machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -r)"
echo "== core micro-benchmarks"
build/bench/tests/bench/isolens_core_bench --benchmark_min_time=0.5
echo "== chart refresh, 8 series x 86,400 points"
QT_QPA_PLATFORM=offscreen build/bench/tests/bench/isolens_chart_bench --benchmark_min_time=1
echo "== sampling cost against docker stats"
tests/bench/sampling-cost.sh 30 2
echo "== exporter cost against docker stats, 8 and 50 containers"
tests/bench/exporter-cost.sh 30 1
echo "== dashboard footprint"
tests/bench/dashboard-footprint.sh
