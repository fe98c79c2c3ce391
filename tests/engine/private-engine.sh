#!/usr/bin/env bash
# A private Docker engine for the tests: its own dockerd (data root, exec root, pid file, unix socket
# and a TLS TCP listener on 127.0.0.1), a tiny image made from busybox-static, and a local registry.
# It never touches another engine's containers: everything lives under one temporary folder.
# Nor the host's network: dockerd gets a bridge of its own (isl-<suffix of the folder>, on a /24 of
# 198.18.0.0/15 that no host address, route or name server uses), made here and deleted by stop,
# and neither iptables rules nor IP forwarding. (With --bridge none, dockerd 20.10 deletes the
# default bridge docker0, the host engine's, and turns IP forwarding on.)
#
#   private-engine.sh start ENV_FILE       starts it all and writes the variables the tests read to ENV_FILE
#   private-engine.sh stop ENV_FILE        stops it all and deletes the folder (safe to call twice)
#   private-engine.sh engine-down ENV_FILE stops only dockerd (an engine outage; with
#                                          ISOLENS_ENGINE_LIVE_RESTORE=1 at start, containers keep running)
#   private-engine.sh engine-up ENV_FILE   starts dockerd again with the same settings
set -euo pipefail

command=${1:-}
env_file=${2:-}
if [[ -z "$command" || -z "$env_file" ]]; then
    echo "usage: $0 start|stop ENV_FILE" >&2
    exit 2
fi

log() { echo "private-engine: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The second runtime name a Linux engine offers, so paired runs (runtime A vs runtime B) can be tested.
# It is runc under another name: this machine has no VM-backed runtime.
second_runtime=isolens-vm
test_image=isolens-test/busybox:latest

free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free TCP port found on 127.0.0.1"
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
    local seconds=$1 what=$2
    shift 2
    for _ in $(seq 1 $(( seconds * 10 ))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    return 1
}

make_certificates() { # a CA, a server certificate for 127.0.0.1 and a client certificate
    local dir=$1
    mkdir -p "$dir"
    (
        cd "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=IsoLens test CA" \
            -keyout ca-key.pem -out ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server-key.pem -out server.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
            -extfile server.ext -out server-cert.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=isolens-test-client" -keyout key.pem -out client.csr 2>/dev/null
        printf 'extendedKeyUsage=clientAuth\n' > client.ext
        openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
            -extfile client.ext -out cert.pem 2>/dev/null
        # A second CA that signed nothing: a client trusting only it must reject the engine.
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Unrelated CA" \
            -keyout other-ca-key.pem -out other-ca.pem 2>/dev/null
    )
}

make_image_tar() { # a root file system holding only busybox-static and its applets
    local dir=$1
    mkdir -p "$dir/rootfs/bin" "$dir/rootfs/tmp" "$dir/rootfs/proc" "$dir/rootfs/sys" "$dir/rootfs/dev" "$dir/rootfs/etc"
    cp /bin/busybox "$dir/rootfs/bin/busybox"
    for applet in sh ping sleep top cat echo ls yes ps dd head true false env; do
        ln -sf busybox "$dir/rootfs/bin/$applet"
    done
    echo "root:x:0:0:root:/:/bin/sh" > "$dir/rootfs/etc/passwd"
    tar -C "$dir/rootfs" -cf "$dir/rootfs.tar" .
}

ipv4_number() { local IFS=. a b c d; read -r a b c d <<<"$1"; echo $(( (a << 24) | (b << 16) | (c << 8) | d )); }

overlaps() { # overlaps A[/LEN] B[/LEN]: whether the two IPv4 ranges share an address
    local a=${1%/*} b=${2%/*} a_len=32 b_len=32
    [[ "$1" == */* ]] && a_len=${1#*/}
    [[ "$2" == */* ]] && b_len=${2#*/}
    local len=$(( a_len < b_len ? a_len : b_len ))
    local mask=$(( len == 0 ? 0 : (0xFFFFFFFF << (32 - len)) & 0xFFFFFFFF ))
    (( ($(ipv4_number "$a") & mask) == ($(ipv4_number "$b") & mask) ))
}

host_ipv4_ranges() { # every IPv4 address, route and name server this host knows of
    ip -4 -o addr show | awk '{ print $4 }'
    ip -4 route show table all | awk '
        $1 ~ /^(local|broadcast|anycast|multicast|unicast|unreachable|blackhole|prohibit|throw)$/ { print $2; next }
        $1 != "default" { print $1 }'
    awk '$1 == "nameserver" && $2 ~ /^[0-9.]+$/ { print $2 }' /etc/resolv.conf 2>/dev/null || true
}

free_subnet() { # a /24 of the benchmarking range 198.18.0.0/15 (RFC 2544) that overlaps nothing here
    local used candidate range clash
    used=$(host_ipv4_ranges)
    for _ in $(seq 1 100); do
        candidate=198.$(( 18 + RANDOM % 2 )).$(( RANDOM % 256 )).0/24
        clash=
        for range in $used; do
            if overlaps "$candidate" "$range"; then clash=yes; break; fi
        done
        [[ -z "$clash" ]] && { echo "$candidate"; return 0; }
    done
    die "no free /24 in 198.18.0.0/15 for the engine's bridge"
}

make_bridge() { # make_bridge STATE: the engine's own bridge, named in STATE/bridge before it exists
    local state=$1 bridge subnet
    bridge=isl-${state##*.}
    echo "$bridge" > "$state/bridge"
    subnet=$(free_subnet)
    ip link add name "$bridge" type bridge || die "could not create the bridge $bridge (ip link add ... type bridge)"
    ip addr add "${subnet%.0/24}.1/24" dev "$bridge"
    echo "$bridge"
}

remove_bridge() { # only the bridge this engine made: the name must be isl-<suffix of its folder>
    local state=$1 bridge
    [[ -f "$state/bridge" ]] || return 0
    bridge=$(cat "$state/bridge")
    if [[ "$bridge" != "isl-${state##*.}" ]]; then
        log "$state/bridge names '$bridge', not this engine's bridge; leaving it"
        return 0
    fi
    if ip link show "$bridge" >/dev/null 2>&1; then
        ip link del "$bridge" || log "could not delete the bridge $bridge"
    fi
}

launch_dockerd() { # starts dockerd with the arguments saved at start and waits until it answers
    local state=$1
    local socket=$state/docker.sock
    mapfile -t arguments < "$state/dockerd.args"
    dockerd "${arguments[@]}" >> "$state/dockerd.log" 2>&1 &
    echo $! > "$state/dockerd.launcher.pid"
    if ! wait_for 60 "the engine" docker -H "unix://$socket" version; then
        tail -n 30 "$state/dockerd.log" >&2 || true
        die "dockerd did not answer on unix://$socket within 60 s (log above)"
    fi
}

state_of() { # the private engine's folder named in the env file, refusing anything else
    local state
    state=$(sed -n 's/^ISOLENS_TEST_STATE_DIR=//p' "$env_file")
    if [[ -z "$state" || "$state" != /tmp/isolens-engine.* ]]; then
        die "$env_file does not name a private engine folder; refusing to touch anything"
    fi
    echo "$state"
}

stop_pid_file() { # TERM, wait up to 15 s, then KILL
    local pidfile=$1
    [[ -f "$pidfile" ]] || return 0
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

engine_down() {
    local state
    state=$(state_of)
    stop_pid_file "$state/dockerd.pid"
    log "dockerd stopped (containers of a live-restore engine keep running)"
}

engine_up() {
    local state
    state=$(state_of)
    launch_dockerd "$state"
    log "dockerd answering again"
}

start() {
    for tool in dockerd containerd runc docker docker-registry openssl ip; do
        command -v "$tool" >/dev/null || die "$tool is missing: install the packages listed in .ci/install-deps.sh"
    done
    [[ -x /bin/busybox ]] || die "/bin/busybox is missing: install busybox-static"
    [[ $(id -u) -eq 0 ]] || die "dockerd needs root: run the tests as root (the README's test command does)"

    if [[ -f "$env_file" ]]; then
        log "a previous engine's file $env_file exists: stopping that engine first"
        stop
    fi
    local state
    state=$(mktemp -d /tmp/isolens-engine.XXXXXX)
    local socket=$state/docker.sock
    local namespace=isolens-test-${state##*.} # one per engine, so engines never share containers
    local tls_port registry_port
    tls_port=$(free_port)
    registry_port=$(free_port)
    make_certificates "$state/certs"

    # Written first, so that stop can clean up whatever the rest of start manages to do.
    cat > "$env_file" <<VARS
ISOLENS_TEST_STATE_DIR=$state
ISOLENS_TEST_DOCKER_HOST=unix://$socket
ISOLENS_TEST_TLS_HOST=tcp://127.0.0.1:$tls_port
ISOLENS_TEST_CERT_DIR=$state/certs
ISOLENS_TEST_REGISTRY=127.0.0.1:$registry_port
ISOLENS_TEST_IMAGE=$test_image
ISOLENS_TEST_SECOND_RUNTIME=$second_runtime
VARS

    local bridge
    bridge=$(make_bridge "$state")
    log "starting dockerd under $state (bridge $bridge, $(ip -4 -o addr show dev "$bridge" | awk '{ print $4 }'))"
    local extra=()
    [[ "${ISOLENS_ENGINE_LIVE_RESTORE:-}" == 1 ]] && extra+=(--live-restore)
    local arguments=(
        --data-root "$state/data"
        --exec-root "$state/exec"
        --pidfile "$state/dockerd.pid"
        --host "unix://$socket"
        --host "tcp://127.0.0.1:$tls_port"
        --tlsverify
        --tlscacert "$state/certs/ca.pem"
        --tlscert "$state/certs/server-cert.pem"
        --tlskey "$state/certs/server-key.pem"
        --containerd-namespace "$namespace"
        --containerd-plugins-namespace "$namespace-plugins"
        --cgroup-parent "$namespace"
        --storage-driver vfs
        --bridge "$bridge"
        --iptables=false
        --ip-masq=false
        --ip-forward=false
        --add-runtime "$second_runtime=$(command -v runc)"
        "${extra[@]}"
    )
    printf '%s\n' "${arguments[@]}" > "$state/dockerd.args"
    launch_dockerd "$state"

    log "importing $test_image from busybox-static"
    make_image_tar "$state/image"
    docker -H "unix://$socket" import --change 'CMD ["/bin/sh"]' "$state/image/rootfs.tar" "$test_image" >/dev/null

    log "starting a registry on 127.0.0.1:$registry_port"
    cat > "$state/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $state/registry
http:
  addr: 127.0.0.1:$registry_port
YAML
    docker-registry serve "$state/registry.yml" > "$state/registry.log" 2>&1 &
    echo $! > "$state/registry.pid"
    wait_for 20 "the registry" bash -c "exec 3<>/dev/tcp/127.0.0.1/$registry_port" ||
        die "the registry did not listen on 127.0.0.1:$registry_port"

    # Two tags for --all-tags, and a manifest list with only an arm64 entry: pulling it on amd64
    # makes the engine report "no matching manifest ... in the manifest list entries".
    local repo=127.0.0.1:$registry_port/isolens/busybox
    for tag in 1.0 2.0; do
        docker -H "unix://$socket" tag "$test_image" "$repo:$tag"
        docker -H "unix://$socket" push "$repo:$tag" >/dev/null
        docker -H "unix://$socket" rmi "$repo:$tag" >/dev/null
    done
    # Three tags of a repository only the batch tests use, for a batch of three images.
    for tag in a b c; do
        docker -H "unix://$socket" tag "$test_image" "127.0.0.1:$registry_port/isolens/batch:$tag"
        docker -H "unix://$socket" push "127.0.0.1:$registry_port/isolens/batch:$tag" >/dev/null
        docker -H "unix://$socket" rmi "127.0.0.1:$registry_port/isolens/batch:$tag" >/dev/null
    done
    # An image whose layer the engine does not have, so a pull shows per-layer progress.
    local layered=127.0.0.1:$registry_port/isolens/layered:1.0
    head -c 3000000 /dev/urandom > "$state/image/rootfs/payload.bin"
    tar -C "$state/image/rootfs" -cf "$state/image/layered.tar" .
    docker -H "unix://$socket" import "$state/image/layered.tar" "$layered" >/dev/null
    docker -H "unix://$socket" push "$layered" >/dev/null
    docker -H "unix://$socket" rmi "$layered" >/dev/null
    rm -f "$state/image/layered.tar" "$state/image/rootfs/payload.bin"
    local list=127.0.0.1:$registry_port/isolens/foreign:arm64-only
    DOCKER_HOST="unix://$socket" docker manifest create --insecure "$list" "$repo:1.0" >/dev/null
    DOCKER_HOST="unix://$socket" docker manifest annotate "$list" "$repo:1.0" --os linux --arch arm64 >/dev/null
    DOCKER_HOST="unix://$socket" docker manifest push --purge --insecure "$list" >/dev/null
    log "ready: unix://$socket, tcp://127.0.0.1:$tls_port (TLS), registry 127.0.0.1:$registry_port"
}

stop() {
    [[ -f "$env_file" ]] || { log "nothing to stop ($env_file does not exist)"; return 0; }
    local state
    state=$(state_of)
    local socket=$state/docker.sock
    # Remove our containers through the engine first (a live-restore engine would leave them running).
    if docker -H "unix://$socket" version >/dev/null 2>&1; then
        local containers
        containers=$(docker -H "unix://$socket" ps -aq)
        [[ -n "$containers" ]] && docker -H "unix://$socket" rm -f $containers >/dev/null 2>&1 || true
    fi
    stop_pid_file "$state/registry.pid"
    stop_pid_file "$state/dockerd.pid"
    # Whatever still runs in this engine's cgroups (an engine that could not answer) goes too.
    local namespace=isolens-test-${state##*.}
    for procs in /sys/fs/cgroup/*/"$namespace"/*/cgroup.procs /sys/fs/cgroup/"$namespace"/*/cgroup.procs; do
        [[ -f "$procs" ]] || continue
        while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done < "$procs"
    done
    # dockerd stops its containers and its containerd; make sure nothing of ours outlives it.
    pkill -9 -f "containerd-shim.*-namespace $namespace " 2>/dev/null || true
    pkill -9 -f "containerd --config $state/" 2>/dev/null || true
    for mount in $(awk -v root="$state" '$2 ~ "^"root {print $2}' /proc/mounts | sort -r); do
        umount -l "$mount" 2>/dev/null || true
    done
    remove_bridge "$state"
    rm -rf "$state"
    rm -f "$env_file"
    log "stopped and removed $state"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    engine-down) engine_down ;;
    engine-up) engine_up ;;
    *) die "unknown command '$command' (start, stop, engine-down or engine-up)" ;;
esac
