#!/usr/bin/env bash
# The README's promise, checked: on a fresh Debian 12, .ci/install-deps.sh installs everything the
# build needs. A minimal bookworm root (debootstrap --variant=minbase, from the mirror this machine's
# apt uses) gets the committed files of the checkout, runs .ci/install-deps.sh in a chroot, configures
# every Linux preset and builds the CLI and the dashboard in the release preset.
#
#   fresh-machine-test.sh [REVISION]     (as root; REVISION defaults to HEAD)
#
# Kept outside the tree, under /var/cache/isolens (ISOLENS_FRESH_CACHE), so later runs are quicker:
#   root-<suite>-<hash>.tar  the root exactly as debootstrap left it (rebuilt after 30 days)
#   apt-archives/            downloaded .deb files (a package still has to be on the list to be installed)
#   ccache/                  the chroot's compiler cache (a missing header still fails the build)
# Nothing the chroot does reaches the host: services are kept from starting (policy-rc.d), /proc/sys
# and /sys are read-only, and every mount is undone on exit.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
revision=${1:-HEAD}
cache=${ISOLENS_FRESH_CACHE:-/var/cache/isolens/fresh-root}
max_age_days=30
suite=bookworm
linux_presets=(dev dev-asan dev-tsan fuzz release bench mingw-cross)
built_targets=(isolens-cli isolens)
inside=/src/isolens # the same path on every run, so ccache finds its earlier results

log() { echo "fresh-machine: $*" >&2; }
die() { log "FAILED: $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || die "debootstrap and chroot need root: run as root (the README's test command does)"
for tool in debootstrap chroot git tar flock sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is missing: run .ci/install-deps.sh"
done

# shellcheck source=../../.ci/apt-sources.sh
source "$repo/.ci/apt-sources.sh"
mirror=$(apt_mirror_of "$suite")
# The inputs of Qt for Windows (the mingw-cross preset's configure needs them), found as that build finds them.
third_party=$("$repo/cmake/qt-mingw/qt-for-mingw.sh" --inputs) || die "no inputs for Qt for Windows (see above)"

[[ -n "$mirror" ]] || die "no apt source for $suite on this machine (/etc/apt/sources.list.d/*.sources, /etc/apt/sources.list)"
security_mirror=$(apt_mirror_of "$suite-security")
arch=$(dpkg --print-architecture)
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f "$keyring" ]] || die "$keyring is missing: install debian-archive-keyring (.ci/install-deps.sh)"

debootstrap_args=(--variant=minbase --arch="$arch" --keyring="$keyring" --force-check-gpg "$suite")
key=$(printf '%s\n' "${debootstrap_args[@]}" "$mirror" | sha256sum | cut -c1-16)
tarball=$cache/root-$suite-$key.tar

# Phases, timed; the first that fails stops the test (set -e) and the exit trap names it.
timings=()
current_phase=
phase_start=0
timing() { printf '%-36s %5d s' "$1" $((SECONDS - $2)); }
phase() { # phase NAME COMMAND...
    current_phase=$1
    phase_start=$SECONDS
    shift
    log "== $current_phase"
    "$@"
    timings+=("$(timing "$current_phase" "$phase_start")")
    current_phase=
}

root=
mounted=()
cleanup() {
    local status=$?
    set +e
    [[ -n "$current_phase" ]] && timings+=("$(timing "$current_phase (failed)" "$phase_start")")
    if [[ -n "$root" && -d "$root" ]]; then
        stop_root_processes
        local i
        for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
            umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"
        done
        # Anything else mounted under the root (by a package's script, say), deepest first.
        awk -v root="$root" 'index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r |
            while read -r mount; do umount -l "$mount"; done
        if awk -v root="$root" 'index($2, root "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
            log "ERROR: mounts under $root remain; not deleting it:"
            awk -v root="$root" 'index($2, root "/") == 1 { print "  " $2 }' /proc/mounts >&2
            status=1
        else
            local removing=$SECONDS
            rm -rf --one-file-system "$root"
            timings+=("$(timing "remove the root" "$removing")")
        fi
    fi
    if [[ ${#timings[@]} -gt 0 ]]; then
        log "timings:"
        printf '  %s\n' "${timings[@]}" >&2
    fi
    if [[ -n "$current_phase" ]]; then
        log "FAILED in phase '$current_phase' (exit $status; its output is above)"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

processes_in_root() { # PIDs whose root directory is the fresh root
    local proc
    for proc in /proc/[0-9]*; do
        [[ "$(readlink "$proc/root" 2>/dev/null)" == "$root" ]] && echo "${proc#/proc/}"
    done
    return 0
}
stop_root_processes() {
    local pids
    pids=$(processes_in_root)
    [[ -z "$pids" ]] && return 0
    log "stopping what still runs in the root: $(echo $pids)"
    kill -9 $pids 2>/dev/null || true
    sleep 0.5
}

make_cached_root() {
    mkdir -p "$cache"
    exec 9>"$cache/.lock"
    flock 9
    if [[ -f "$tarball" ]] && [[ -z "$(find "$tarball" -mtime +$max_age_days)" ]]; then
        log "using the cached root $tarball"
        exec 9>&-
        return 0
    fi
    local scratch
    scratch=$(mktemp -d /var/tmp/isolens-debootstrap.XXXXXX)
    log "debootstrap ${debootstrap_args[*]} $scratch $mirror"
    if ! debootstrap "${debootstrap_args[@]}" "$scratch" "$mirror" >"$cache/debootstrap.log" 2>&1; then
        tail -n 20 "$cache/debootstrap.log" >&2
        rm -rf --one-file-system "$scratch"
        return 1
    fi
    tar --numeric-owner --xattrs -C "$scratch" -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    rm -rf --one-file-system "$scratch"
    find "$cache" -maxdepth 1 -name "root-$suite-*.tar" ! -name "$(basename "$tarball")" -delete
    log "cached $(du -m "$tarball" | cut -f1) MiB as $tarball"
    exec 9>&-
}

bind() { # bind SOURCE TARGET [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2"
    mounted+=("$2")
    if [[ "${3:-}" == ro ]]; then mount -o remount,bind,ro "$2"; fi
}

unpack_root() {
    root=$(mktemp -d /var/tmp/isolens-fresh-root.XXXXXX)
    tar --numeric-owner --xattrs -C "$root" -xf "$tarball"
}

copy_checkout() {
    if [[ "$revision" == HEAD && -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]]; then
        log "note: uncommitted changes in $repo are not tested (only committed files are, as in a clean clone)"
    fi
    mkdir -p "$root$inside"
    git -C "$repo" archive --format=tar "$revision" | tar -C "$root$inside" -xf -
    log "copied $(git -C "$repo" rev-parse --short "$revision") ($(git -C "$repo" ls-tree -r --name-only "$revision" | wc -l) files)"
}

prepare_root() {
    # No service starts in the root: invoke-rc.d asks policy-rc.d, and 101 means "not allowed".
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    # The same suites as a Debian 12 install; the security suite only if this machine names one.
    rm -f "$root/etc/apt/sources.list"
    {
        printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: %s\n' \
            "$mirror" "$suite" "$suite" "$keyring"
        if [[ -n "$security_mirror" ]]; then
            printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: %s\n' \
                "$security_mirror" "$suite" "$keyring"
        fi
    } >"$root/etc/apt/sources.list.d/debian.sources"
    # This machine's apt may accept Release files that are outdated by its clock (a snapshot
    # mirror); the root reads the mirror the same way, or its apt would refuse what the host takes.
    local option value
    for option in Acquire::Check-Valid-Until Acquire::Check-Date; do
        value=$(apt-config dump "$option" | sed -n "s/^$option \"\(.*\)\";/\1/p")
        [[ -n "$value" ]] && echo "$option \"$value\";"
    done >"$root/etc/apt/apt.conf.d/90host-mirror-checks"

    mkdir -p "$cache/apt-archives/partial" "$cache/ccache"
    mount -t proc proc "$root/proc"
    mounted+=("$root/proc")
    bind "$root/proc/sys" "$root/proc/sys" ro # the host kernel's settings
    mount -t sysfs -o ro sysfs "$root/sys"
    mounted+=("$root/sys")
    bind /dev "$root/dev"
    bind /dev/pts "$root/dev/pts"
    bind "$cache/apt-archives" "$root/var/cache/apt/archives"
    bind "$cache/ccache" "$root/var/cache/ccache"
    # Qt for the mingw-cross preset: the third-party inputs (read-only) that cmake/qt-mingw/qt-for-mingw.sh
    # unpacks or builds from; the result stays in the root.
    mkdir -p "$root/var/cache/isolens-third-party"
    bind "$third_party" "$root/var/cache/isolens-third-party" ro
    in_root chown _apt:root /var/cache/apt/archives/partial # apt downloads as _apt
}

in_root() { # runs a command in the root with a clean environment
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive CCACHE_DIR=/var/cache/ccache \
        ISOLENS_THIRD_PARTY_DIR=/var/cache/isolens-third-party \
        CCACHE_MAXSIZE=4G "$@"
}

install_deps() {
    in_root bash -c "cd $inside && .ci/install-deps.sh" || {
        log ".ci/install-deps.sh failed on a fresh Debian $suite (a package it names that $suite lacks?)"
        return 1
    }
    # policy-rc.d should have kept every daemon (dockerd, containerd) from starting on the host kernel.
    local pids
    pids=$(processes_in_root)
    if [[ -n "$pids" ]]; then
        log "ERROR: installing started processes in the root:"
        ps -o pid=,args= -p "$(echo $pids | tr ' ' ,)" >&2 || true
        return 1
    fi
    in_root apt-get autoclean -qq
}

configure_preset() { in_root bash -c "cd $inside && cmake --preset $1 >/tmp/configure-$1.log 2>&1" || {
    tail -n 25 "$root/tmp/configure-$1.log" >&2
    log "cmake --preset $1 failed on a fresh Debian $suite: is a package missing from .ci/install-deps.sh?"
    return 1
}; }

build_release() {
    in_root ccache --zero-stats >/dev/null
    in_root bash -c "cd $inside && cmake --build --preset release --target ${built_targets[*]}" >"$root/tmp/build.log" 2>&1 || {
        grep -m 5 -E 'error|fatal' "$root/tmp/build.log" >&2 || tail -n 25 "$root/tmp/build.log" >&2
        log "the release build of ${built_targets[*]} failed on a fresh Debian $suite"
        return 1
    }
    in_root ccache --show-stats 2>/dev/null | grep -E '^ *(Hits|Misses):' >&2 || true
    local program
    for program in app/cli/isolens-cli app/dashboard/isolens; do
        if in_root ldd "$inside/build/release/$program" | grep 'not found'; then
            log "$program needs a library the fresh root does not have"
            return 1
        fi
    done
    in_root "$inside/build/release/app/cli/isolens-cli" --version
}

main() {
    local start=$SECONDS preset
    phase "debootstrap $suite (or its cache)" make_cached_root
    phase "unpack the root" unpack_root
    phase "copy the committed files" copy_checkout
    phase "prepare the chroot" prepare_root
    phase "install-deps.sh in the chroot" install_deps
    for preset in "${linux_presets[@]}"; do
        phase "configure preset $preset" configure_preset "$preset"
    done
    phase "build ${built_targets[*]} (release)" build_release
    timings+=("$(timing total "$start")")
    log "PASSED: a fresh Debian $suite builds IsoLens with .ci/install-deps.sh"
}

# Parsed whole before it runs, so a checkout that changes meanwhile cannot change what runs.
main "$@"; exit $?
