#!/usr/bin/env bash
# What the Prometheus exporter costs: `isolens-cli serve`, scraped once per second, against
# `docker stats` streaming the same idle containers for the same time, with 8 and with 50 running
# containers, measured in the same run on a private engine. For each: the client's CPU time over the
# measured window (/proc), its peak RSS (GNU time), and the engine's CPU time meanwhile (dockerd,
# containerd and the container shims, from /proc), less what the engine spends when nobody watches.
# The exporter is also measured running unscraped, so what the scrapes add can be told apart from its
# continuous sampling. Every scrape must succeed and name every container, or the run fails.
#   Usage: tests/bench/exporter-cost.sh [SECONDS per measurement, default 30] [ROUNDS, default 1]
# Needs root (the private engine), curl and the optimized build:
#   cmake --preset bench && cmake --build build/bench --target isolens-cli
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
rounds=${2:-1}
counts=(8 50)
warmup_limit=30 # seconds the exporter may take before its page names every container
cli=$root/build/bench/app/cli/isolens-cli
die() { echo "exporter-cost: ERROR: $*" >&2; exit 1; }
[[ -x "$cli" ]] || die "build first: cmake --preset bench && cmake --build build/bench --target isolens-cli"
# Debian's docker CLI (docker.io, as the tests install it) unless told otherwise.
docker=${DOCKER_CLI:-/usr/bin/docker}
[[ -x "$docker" ]] || die "no docker CLI at $docker (apt install docker.io, or set DOCKER_CLI)"
[[ -x /usr/bin/time ]] || die "needs GNU time (apt install time)"
command -v curl >/dev/null || die "needs curl (apt install curl)"

env_file=$(mktemp /tmp/isolens-bench-engine.XXXXXX.env)
rm -f "$env_file"
work=$(mktemp -d /tmp/isolens-exporter-cost.XXXXXX)
client_pid= # the client being measured, stopped by the trap if the run fails
cleanup() {
    trap '' INT TERM # a second signal must not cut the cleanup short
    if [[ -n "$client_pid" ]] && kill -TERM "$client_pid" 2>/dev/null; then
        for _ in $(seq 1 50); do kill -0 "$client_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$client_pid" 2>/dev/null || true
    fi
    "$root/tests/engine/private-engine.sh" stop "$env_file" >/dev/null 2>&1 || true
    rm -f "$env_file"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # the EXIT trap then stops the engine
"$root/tests/engine/private-engine.sh" start "$env_file" >/dev/null
# shellcheck disable=SC1090
source "$env_file"
host=$ISOLENS_TEST_DOCKER_HOST
state=$ISOLENS_TEST_STATE_DIR

start_containers() { # start_containers N: bench-1 … bench-N running, started 10 at a time
    local n=$1 running
    seq 1 "$n" | while read -r i; do
        "$docker" -H "$host" inspect "bench-$i" >/dev/null 2>&1 || echo "bench-$i"
    done | xargs -r -P 10 -I '{}' "$docker" -H "$host" run -d --name '{}' "$ISOLENS_TEST_IMAGE" sleep 3600 \
        2> >(grep -v '^WARNING: IPv4 forwarding is disabled' >&2) >/dev/null ||
        die "docker run failed (above)" # the engine has no IP forwarding on purpose: its warning is dropped
    for _ in $(seq 1 600); do
        running=$("$docker" -H "$host" ps -q | wc -l)
        [[ "$running" -eq "$n" ]] && return 0
        sleep 0.1
    done
    die "$running of $n containers running after 60 s"
}

# shellcheck source=engine-cpu.sh
source "$root/tests/bench/engine-cpu.sh"
process_ticks() { # utime + stime of one process, its threads included
    local fields
    fields=$(cut -d' ' -f14,15 "/proc/$1/stat")
    echo $((${fields% *} + ${fields#* }))
}
add() { awk -v a="$1" -v b="$2" 'BEGIN {print a + b}'; }
report() { awk "BEGIN {printf \"%.2f\", $1}"; }

# launch LABEL COMMAND...: runs the client under GNU time, its stdout in $work/out; sets client_pid.
launch() {
    local label=$1
    shift
    : > "$work/out"
    /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" &
    time_pid=$!
    client_pid=
    for _ in $(seq 1 100); do
        client_pid=$(pgrep -P "$time_pid" || true)
        [[ -n "$client_pid" ]] && return 0
        sleep 0.05
    done
    die "$label did not start"
}
# finish SIGNAL: stops the client; sets finish_status and finish_rss (KiB) from GNU time.
finish() {
    kill "-$1" "$client_pid"
    finish_status=0
    wait "$time_pid" || finish_status=$?
    client_pid=
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    read -r _ _ finish_rss < <(tail -n 1 "$work/time")
}

# scrape URL N: fetches URL once per second for $seconds seconds; every page must name N containers.
# Appends "time_total size" per scrape to $work/scrapes; dies on the first failure.
scrape() {
    local url=$1 n=$2 start i line code named
    start=${EPOCHREALTIME/./}
    for i in $(seq 1 "$seconds"); do
        line=$(curl -sS --max-time 5 -o "$work/page" -w '%{http_code} %{time_total} %{size_download}' "$url") ||
            die "scrape $i of $url failed: $line"
        code=${line%% *}
        [[ "$code" == 200 ]] || die "scrape $i of $url answered HTTP $code"
        named=$(grep -c '^container_memory_working_set_bytes{' "$work/page" || true)
        [[ "$named" -eq "$n" ]] || die "scrape $i names $named containers in container_memory_working_set_bytes, not $n"
        echo "${line#* }" >> "$work/scrapes"
        local next=$((start + i * 1000000)) now=${EPOCHREALTIME/./}
        ((next > now)) && sleep "$(awk -v d=$((next - now)) 'BEGIN {printf "%.6f", d / 1e6}')"
    done
}

# wait_until_ready URL N: until the page names all N containers (at most $warmup_limit s), and at
# least 3 s after the start, as docker stats gets.
wait_until_ready() {
    local url=$1 n=$2 named=0
    for _ in $(seq 1 $((warmup_limit * 10))); do
        named=$(curl -sS --max-time 5 "$url" 2>/dev/null | grep -c '^container_memory_working_set_bytes{' || true)
        [[ "$named" -eq "$n" ]] && break
        sleep 0.1
    done
    [[ "$named" -eq "$n" ]] || die "the exporter's page names $named of $n containers after $warmup_limit s"
}

declare -A client_cpu client_rss engine_cpu
# measure LABEL N: one window of $seconds s for the client LABEL with N containers.
measure() {
    local label=$1 n=$2 key="$1/$2" url="" c0 c1 e0 e1 t0 t1
    local names=()
    for i in $(seq 1 "$n"); do names+=("bench-$i"); done
    case "$label" in
        "nobody watching")
            e0=$(engine_ticks "$state")
            sleep "$seconds"
            e1=$(engine_ticks "$state")
            engine_cpu[$key]=$(add "${engine_cpu[$key]:-0}" "$(report "($e1 - $e0) / $ticks")")
            printf '  %-22s engine %6.2f s CPU\n' "$label" "$(report "($e1 - $e0) / $ticks")"
            return 0
            ;;
        "docker stats")
            launch "$label" "$docker" -H "$host" stats "${names[@]}"
            sleep 3
            ;;
        "exporter"*)
            launch "$label" "$cli" -H "$host" serve --listen 127.0.0.1:0
            for _ in $(seq 1 100); do
                url=$(sed -n '1s/^serving //p' "$work/out")
                [[ -n "$url" ]] && break
                sleep 0.1
            done
            [[ "$url" == http://127.0.0.1:*/metrics ]] || die "serve printed no address: $(head -c 300 "$work/out" "$work/err")"
            sleep 3
            wait_until_ready "$url" "$n"
            ;;
    esac
    kill -0 "$client_pid" 2>/dev/null || die "$label ended before its window: $(tail -n 5 "$work/err")"
    e0=$(engine_ticks "$state")
    c0=$(process_ticks "$client_pid")
    t0=${EPOCHREALTIME/./}
    if [[ "$label" == "exporter, scraped" ]]; then
        scrape "$url" "$n"
    else
        sleep "$seconds"
    fi
    kill -0 "$client_pid" 2>/dev/null || die "$label ended during its window: $(tail -n 5 "$work/err")"
    c1=$(process_ticks "$client_pid")
    e1=$(engine_ticks "$state")
    t1=${EPOCHREALTIME/./}
    # A background job starts with SIGINT ignored, and docker stats keeps it so; serve sets its own handler.
    if [[ "$label" == exporter* ]]; then finish INT; else finish TERM; fi
    if [[ "$label" == exporter* && "$finish_status" -ne 0 ]]; then
        die "serve ended with exit code $finish_status on SIGINT, not 0: $(tail -n 5 "$work/err")"
    fi
    local cpu eng
    cpu=$(report "($c1 - $c0) / $ticks")
    eng=$(report "($e1 - $e0) / $ticks")
    client_cpu[$key]=$(add "${client_cpu[$key]:-0}" "$cpu")
    engine_cpu[$key]=$(add "${engine_cpu[$key]:-0}" "$eng")
    client_rss[$key]=$(( finish_rss > ${client_rss[$key]:-0} ? finish_rss : ${client_rss[$key]:-0} ))
    printf '  %-22s client %6.2f s CPU over %5.1f s, %6d KiB peak RSS; engine %6.2f s CPU\n' "$label" "$cpu" \
        "$(report "($t1 - $t0) / 1e6")" "$finish_rss" "$eng"
}

echo "exporter-cost: ${counts[*]} idle containers, ${seconds} s per measurement, $rounds rounds, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  engine: $("$docker" -H "$host" version --format '{{.Server.Version}}'), docker CLI $("$docker" version --format '{{.Client.Version}}' 2>/dev/null) ($docker)"
for n in "${counts[@]}"; do
    started=${EPOCHREALTIME/./}
    start_containers "$n"
    echo "$n containers running ($(report "(${EPOCHREALTIME/./} - $started) / 1e6") s to start them)"
    sleep 3
    : > "$work/scrapes"
    for round in $(seq 1 "$rounds"); do
        echo "round $round"
        measure "nobody watching" "$n"
        measure "docker stats" "$n"
        measure "exporter, scraped" "$n"
        measure "exporter, unscraped" "$n"
    done
    sort -n -k1,1 "$work/scrapes" > "$work/scrapes.$n"
done

echo
for n in "${counts[@]}"; do
    idle=${engine_cpu["nobody watching/$n"]}
    d_cpu=${client_cpu["docker stats/$n"]}
    d_eng=$(report "${engine_cpu["docker stats/$n"]} - $idle")
    x_cpu=${client_cpu["exporter, scraped/$n"]}
    x_eng=$(report "${engine_cpu["exporter, scraped/$n"]} - $idle")
    u_cpu=${client_cpu["exporter, unscraped/$n"]}
    u_eng=$(report "${engine_cpu["exporter, unscraped/$n"]} - $idle")
    count=$(wc -l < "$work/scrapes.$n")
    median=$(awk '{v[NR] = $1} END {printf "%.1f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) * 1000}' "$work/scrapes.$n")
    max=$(awk 'END {printf "%.1f", $1 * 1000}' "$work/scrapes.$n")
    size=$(awk 'NR == 1 || $2 < lo {lo = $2} $2 > hi {hi = $2} END {printf "%d–%d", lo, hi}' "$work/scrapes.$n")
    echo "$n containers: totals over $rounds × $seconds s (engine CPU less the idle engine's $(report "$idle") s)"
    printf '  %-20s client %6.2f s CPU, peak RSS %6d KiB, engine +%5.2f s CPU, total %6.2f s\n' \
        "docker stats" "$d_cpu" "${client_rss["docker stats/$n"]}" "$d_eng" "$(report "$d_cpu + $d_eng")"
    printf '  %-20s client %6.2f s CPU, peak RSS %6d KiB, engine +%5.2f s CPU, total %6.2f s\n' \
        "exporter, scraped" "$x_cpu" "${client_rss["exporter, scraped/$n"]}" "$x_eng" "$(report "$x_cpu + $x_eng")"
    printf '  %-20s client %6.2f s CPU, peak RSS %6d KiB, engine +%5.2f s CPU, total %6.2f s\n' \
        "exporter, unscraped" "$u_cpu" "${client_rss["exporter, unscraped/$n"]}" "$u_eng" "$(report "$u_cpu + $u_eng")"
    echo "  scrapes: $count of $count succeeded, each naming all $n containers; latency median $median ms, max $max ms; page $size bytes"
    echo "  exporter CPU per scrape: $(report "$x_cpu / $count * 1000") ms (its whole CPU over the window / scrapes: this includes the sampling between scrapes)"
    echo "  exporter CPU the scrapes add: $(report "($x_cpu - $u_cpu) / $count * 1000") ms per scrape (scraped less unscraped, same time)"
    echo "  ratios, exporter / docker stats: client CPU $(report "$x_cpu / $d_cpu"), peak RSS $(report "${client_rss["exporter, scraped/$n"]} / ${client_rss["docker stats/$n"]}"), total CPU $(report "($x_cpu + $x_eng) / ($d_cpu + $d_eng)")"
done
