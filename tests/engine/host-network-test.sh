#!/usr/bin/env bash
# Starting and stopping a private engine leaves the host's network as it was: the same interfaces
# (ip -o link, with their indexes: a deleted and re-created one differs), addresses, routes, network
# namespaces, iptables rules and IP forwarding setting. If the host has no docker0 (no host engine),
# a stand-in bridge of that name is created for the run, since that is what a careless dockerd deletes.
# A container left running at stop shows that its network goes with the engine.
#   Usage: host-network-test.sh   (as root, like the engine itself)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
engine=$here/private-engine.sh
work=$(mktemp -d /tmp/isolens-host-network.XXXXXX)
stand_in=

cleanup() {
    "$engine" stop "$work/engine.env" >/dev/null 2>&1 || true
    if [[ -n "$stand_in" ]]; then ip link del "$stand_in" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

[[ $(id -u) -eq 0 ]] || { echo "FAIL: the private engine needs root" >&2; exit 1; }
command -v ip >/dev/null || { echo "FAIL: ip is missing: install iproute2 (.ci/install-deps.sh)" >&2; exit 1; }

if ! ip link show docker0 >/dev/null 2>&1; then
    ip link add docker0 type bridge || { echo "FAIL: could not create a docker0 bridge to watch" >&2; exit 1; }
    stand_in=docker0
    echo "created a stand-in docker0 bridge (this host has none)"
fi

# Another private engine already running on this machine (a second test run, a developer's) has a bridge
# of its own, whose containers come and go meanwhile: its bridge, its veths and their addresses and routes
# are not this run's to watch. This run's engine has no bridge yet, so whatever isl-* bridge is there now
# is another's; one of this run's left behind after stop still shows.
foreign_bridges=$(ip -o link show type bridge | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }' | grep '^isl-' || true)
foreign_devices() {
    local bridge
    for bridge in $foreign_bridges; do
        echo "$bridge"
        ip -o link | awk -v master="master $bridge " 'index($0, master) { name = $2; sub(/@.*/, "", name); sub(/:$/, "", name); print name }'
    done
}
without_foreign() {
    local devices
    devices=$(foreign_devices | paste -sd'|' -)
    if [[ -n "$devices" ]]; then grep -vwE "$devices"; else cat; fi
}

snapshot() { # what must not change; lifetimes of dynamic addresses count down, so they are left out
    echo "## ip -o link"
    ip -o link
    echo "## ip -o addr"
    ip -o addr | sed -E 's/ (valid|preferred)_lft [^ ]+//g'
    echo "## ip route show table all"
    ip route show table all
    ip -6 route show table all | sed -E 's/ expires [^ ]+//'
    echo "## ip netns list"
    ip netns list
    echo "## net.ipv4.ip_forward"
    cat /proc/sys/net/ipv4/ip_forward
    if command -v iptables-save >/dev/null; then
        echo "## iptables-save"
        { iptables-save 2>/dev/null || echo "(iptables-save failed)"; } | sed -E '/^#/d; s/\[[0-9]+:[0-9]+\]//'
    fi
}

[[ -n "$foreign_bridges" ]] && echo "another private engine's bridge is left out: $foreign_bridges"
snapshot | without_foreign >"$work/before.txt"
"$engine" start "$work/engine.env"
# A container on the engine's default network, left running: stop has to take its veth pair too.
docker_host=$(sed -n 's/^ISOLENS_TEST_DOCKER_HOST=//p' "$work/engine.env")
image=$(sed -n 's/^ISOLENS_TEST_IMAGE=//p' "$work/engine.env")
docker -H "$docker_host" run -d --name isolens-host-network "$image" sleep 300 >/dev/null
ip -o link | grep -q "master $(sed -n 's|^ISOLENS_TEST_STATE_DIR=/tmp/isolens-engine\.|isl-|p' "$work/engine.env") " ||
    { echo "FAIL: the container is not on the engine's own bridge" >&2; exit 1; }
"$engine" stop "$work/engine.env"
snapshot | without_foreign >"$work/after.txt"

if ! diff -u "$work/before.txt" "$work/after.txt"; then
    echo "FAIL: starting and stopping a private engine changed the host's network (diff above: - before, + after)" >&2
    exit 1
fi
echo "PASS: the host's interfaces, addresses, routes, namespaces and iptables rules are as they were"
