#!/usr/bin/env bash
# The Windows build of the exporter under Wine, scraped by the same real Prometheus as the Linux build's
# (prometheus-scrape-test.py): a private engine of its own, reached from Wine over loopback TCP (socat
# relays it to the engine's socket), and a fresh Wine prefix. The pair that the figures are checked
# against is run by the Windows isolens-cli too.
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
python3 "$repo/tests/exporter/prometheus-scrape-test.py" --cli "wine $cli_exe" --host "tcp://127.0.0.1:$port" \
    --allow-insecure-tcp --stop-signal INT "$env_file" "$repo" "$output_dir"
