#!/usr/bin/env bash
# What watching containers costs: `isolens-cli stats` against `docker stats`, streaming the same 8
# idle containers for the same time, measured in the same run on a private engine. For each: the
# client's CPU time and peak RSS (GNU time), and the engine's CPU time meanwhile (dockerd, containerd
# and the container shims, from /proc), less what the engine spends when nobody watches.
#   Usage: tests/bench/sampling-cost.sh [SECONDS per measurement, default 30] [ROUNDS, default 2]
# Needs root (the private engine) and the optimized build: cmake --preset bench && cmake --build --preset bench
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
rounds=${2:-2}
cli=$root/build/bench/app/cli/isolens-cli
[[ -x "$cli" ]] || { echo "sampling-cost: build first: cmake --preset bench && cmake --build --preset bench" >&2; exit 1; }
# Debian's docker CLI (docker.io, as the tests install it) unless told otherwise.
docker=${DOCKER_CLI:-/usr/bin/docker}
[[ -x "$docker" ]] || { echo "sampling-cost: no docker CLI at $docker (apt install docker.io, or set DOCKER_CLI)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "sampling-cost: needs GNU time (apt install time)" >&2; exit 1; }

env_file=$(mktemp /tmp/isolens-bench-engine.XXXXXX.env)
rm -f "$env_file"
cleanup() {
    "$root/tests/engine/private-engine.sh" stop "$env_file" >/dev/null 2>&1 || true
    rm -f "$env_file" "${timing:-}"
}
trap cleanup EXIT
"$root/tests/engine/private-engine.sh" start "$env_file" >/dev/null
# shellcheck disable=SC1090
source "$env_file"
host=$ISOLENS_TEST_DOCKER_HOST
state=$ISOLENS_TEST_STATE_DIR
names=()
for i in 1 2 3 4 5 6 7 8; do
    "$docker" -H "$host" run -d --name "bench-$i" "$ISOLENS_TEST_IMAGE" sleep 3600 >/dev/null
    names+=("bench-$i")
done
sleep 3

# shellcheck source=engine-cpu.sh
source "$root/tests/bench/engine-cpu.sh"
timing=$(mktemp)
declare -A client_cpu client_rss engine_cpu
measure() { # label command...
    local label=$1
    shift
    local before after
    before=$(engine_ticks "$state")
    /usr/bin/time -f "%U %S %M" -o "$timing" timeout -s INT "$seconds" "$@" >/dev/null 2>&1 || true
    after=$(engine_ticks "$state")
    # GNU time writes "Command exited with non-zero status 124" first when timeout stops the command.
    read -r user system rss < <(tail -n 1 "$timing")
    client_cpu[$label]=$(awk -v a="${client_cpu[$label]:-0}" -v u="$user" -v s="$system" 'BEGIN {print a + u + s}')
    client_rss[$label]=$(( rss > ${client_rss[$label]:-0} ? rss : ${client_rss[$label]:-0} ))
    engine_cpu[$label]=$(awk -v a="${engine_cpu[$label]:-0}" -v d="$((after - before))" -v t="$ticks" 'BEGIN {print a + d / t}')
    printf '  %-22s client %6.2f s CPU, %6d KiB peak RSS; engine %6.2f s CPU\n' "$label" \
        "$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}')" "$rss" \
        "$(awk -v d="$((after - before))" -v t="$ticks" 'BEGIN {print d / t}')"
}

echo "sampling-cost: 8 idle containers, ${seconds} s per measurement, $rounds rounds, $(nproc) CPUs"
echo "  engine: $("$docker" -H "$host" version --format '{{.Server.Version}}'), docker CLI $("$docker" version --format '{{.Client.Version}}' 2>/dev/null) ($docker)"
for round in $(seq 1 "$rounds"); do
    echo "round $round"
    measure "nobody watching" sleep "$seconds"
    measure "docker stats" "$docker" -H "$host" stats "${names[@]}"
    measure "isolens-cli stats" "$cli" -H "$host" stats "${names[@]}"
    measure "isolens-cli --direct" "$cli" -H "$host" stats --direct "${names[@]}"
done

idle=${engine_cpu["nobody watching"]}
report() { awk "BEGIN {printf \"%.2f\", $1}"; }
d_cpu=${client_cpu["docker stats"]}
i_cpu=${client_cpu["isolens-cli stats"]}
d_eng=$(report "${engine_cpu["docker stats"]} - $idle")
i_eng=$(report "${engine_cpu["isolens-cli stats"]} - $idle")
echo
echo "totals over $rounds rounds (engine CPU less the idle engine's $(report "$idle") s)"
printf '  %-18s client %6.2f s CPU, peak RSS %6d KiB, engine +%5.2f s CPU, total %6.2f s\n' \
    "docker stats" "$d_cpu" "${client_rss["docker stats"]}" "$d_eng" "$(report "$d_cpu + $d_eng")"
printf '  %-18s client %6.2f s CPU, peak RSS %6d KiB, engine +%5.2f s CPU, total %6.2f s\n' \
    "isolens-cli stats" "$i_cpu" "${client_rss["isolens-cli stats"]}" "$i_eng" "$(report "$i_cpu + $i_eng")"
x_cpu=${client_cpu["isolens-cli --direct"]}
x_eng=$(report "${engine_cpu["isolens-cli --direct"]} - $idle")
printf '  %-18s client %6.2f s CPU, peak RSS %6d KiB, engine +%5.2f s CPU, total %6.2f s\n' \
    "stats --direct" "$x_cpu" "${client_rss["isolens-cli --direct"]}" "$x_eng" "$(report "$x_cpu + $x_eng")"
echo "ratios, isolens-cli / docker CLI (targets in brackets)"
echo "  client CPU   $(report "$i_cpu / $d_cpu")   [<= 0.5]"
echo "  peak RSS     $(report "${client_rss["isolens-cli stats"]} / ${client_rss["docker stats"]}")   [<= 1.0]"
echo "  total CPU    $(report "($i_cpu + $i_eng) / ($d_cpu + $d_eng)")   [<= 1.0]"
echo "  --direct: total CPU $(report "($x_cpu + $x_eng) / ($d_cpu + $d_eng)") of the docker CLI's; engine CPU $(report "$x_eng / $d_eng") of what docker stats costs it"
