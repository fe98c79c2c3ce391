#!/usr/bin/env bash
# The Windows build of the exporter under Wine, scraped by the same real Prometheus as the Linux build's
# (prometheus-scrape-test.py): a private engine of its own, reached from Wine over loopback TCP (socat
# relays it to the engine's socket), and a fresh Wine prefix. The pair that the figures are checked
# against is run by the Windows isolens-cli too. Then the exporter as a Windows service, installed with
# sc.exe as the README says: it serves once started, stops on sc stop, and a port already taken stops it
# with its exit code in the service's status.
#   Usage: windows-exporter-test.sh ISOLENS_CLI_EXE REPO OUTPUT_DIR
set -euo pipefail
cli_exe=$1
repo=$2
output_dir=$3
command -v wine >/dev/null || { echo "FAIL: wine is not installed (apt install wine wine64)" >&2; exit 1; }
command -v socat >/dev/null || { echo "FAIL: socat is not installed (apt install socat)" >&2; exit 1; }

work=$(mktemp -d /tmp/isolens-wine-exporter.XXXXXX)
env_file=$work/engine.env
export WINEPREFIX=$work/prefix
export WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d"
relay=
cleanup() {
    [[ -n "$relay" ]] && kill "$relay" 2>/dev/null || true
    wineserver -k 2>/dev/null || true
    "$repo/tests/engine/private-engine.sh" stop "$env_file" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

"$repo/tests/engine/private-engine.sh" start "$env_file" >/dev/null
# shellcheck disable=SC1090
source "$env_file"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:${ISOLENS_TEST_DOCKER_HOST#unix://}" &
relay=$!
wineboot -i >/dev/null 2>&1 || true
wineserver -w

# Wine turns SIGINT into the console's Ctrl+C, which the exporter ends on as a Windows console run does.
status=0
python3 "$repo/tests/exporter/prometheus-scrape-test.py" --cli "wine $cli_exe" --host "tcp://127.0.0.1:$port" \
    --allow-insecure-tcp --stop-signal INT "$env_file" "$repo" "$output_dir" || status=1

failures=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
service_field() { wine sc query IsoLensExporter 2>/dev/null | tr -d '\r' | awk -v f="$1" '$1 == f {print $3}'; }
serves() { curl -s -m 2 "http://127.0.0.1:$service_port/metrics" | grep -q '^isolens_engine_up 1'; }
eventually() { # eventually SECONDS COMMAND...
    local seconds=$1
    shift
    for _ in $(seq 1 $((seconds * 5))); do
        if "$@"; then return 0; fi
        sleep 0.2
    done
    return 1
}
is_stopped() { [[ "$(service_field STATE)" == 1 ]]; }

# The Service Control Manager (services.exe) lives as long as the prefix's wineserver: keep it up.
wineserver -w
wineserver -p
service_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
windows_exe=$(winepath -w "$cli_exe")
wine sc create IsoLensExporter binPath= "\"$windows_exe\" --allow-insecure-tcp -H tcp://127.0.0.1:$port serve --windows-service --listen 127.0.0.1:$service_port" >/dev/null
wine sc start IsoLensExporter >/dev/null
check "the service serves the engine's figures once started" eventually 30 serves
check "the service says it runs" test "$(service_field STATE)" = 4
wine sc stop IsoLensExporter >/dev/null
check "sc stop stops the service" eventually 20 is_stopped
check "it stopped with exit code 0" test "$(service_field WIN32_EXIT_CODE)" = 0
check "it no longer serves" bash -c "! curl -s -m 2 http://127.0.0.1:$service_port/metrics >/dev/null"

# The port taken: the service starts, cannot listen, and stops with its own exit code.
python3 -c "import socket, time; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $service_port)); s.listen(); time.sleep(60)" &
holder=$!
sleep 0.5
wine sc start IsoLensExporter >/dev/null 2>&1 || true
check "with its port taken, the service stops" eventually 20 is_stopped
check "its status is ERROR_SERVICE_SPECIFIC_ERROR (1066) with the exporter's exit code 1" \
    test "$(service_field SERVICE_EXIT_CODE)" = 1 -a "$(service_field WIN32_EXIT_CODE)" = 1066
kill "$holder" 2>/dev/null || true
wine sc delete IsoLensExporter >/dev/null
[[ $failures -eq 0 ]] || status=1
exit $status
