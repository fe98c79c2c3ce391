#!/usr/bin/env bash
# prometheus-cpp 1.0.1 and civetweb 1.15 for 64-bit Windows, for the mingw-w64 cross build of the exporter
# (isolens-cli serve): static libraries cross-compiled with Debian's mingw-w64 (posix threads) and the
# project's own toolchain file, from Debian's source packages (Debian builds them for Linux only):
#   - civetweb: the C library and its C++ wrapper (CivetServer), IPv6 on; no SSL, CGI, static files,
#     websockets, server executable or tests, since the exporter serves /metrics and nothing else;
#   - prometheus-cpp: core (registry, families, text format) and pull (its Exposer, over that civetweb);
#     no push (it needs curl) and no compression (zlib).
# The sources are the pinned versions below (apt-get source, with Debian's patches; needs a deb-src
# entry, which .ci/install-deps.sh adds), checked against those versions.
#
# Both are installed into one prefix in a cache outside any build tree, keyed by the prometheus-cpp
# version and the hash of this script and the toolchain file, and reused while they stay the same (a
# changed pin changes this script, hence the key). The build runs in a temporary folder beside the cache
# entry and is renamed into place when complete, so an interrupted build never leaves a half cache.
#
#   Usage: prometheus-for-mingw.sh   prints the prefix as the last line of its output
#   Environment: ISOLENS_CACHE_DIR (default /var/cache/isolens as root, else ~/.cache/isolens);
#                CMAKE_BUILD_PARALLEL_LEVEL (the build's jobs; default: the build tool's)
set -euo pipefail

prometheus_cpp_debian=1.0.1-1
civetweb_debian=1.15+dfsg-4
prometheus_cpp_version=${prometheus_cpp_debian%-*}

civetweb_options=(-DBUILD_SHARED_LIBS=OFF -DCIVETWEB_ENABLE_CXX=ON -DCIVETWEB_ENABLE_IPV6=ON
    -DCIVETWEB_ENABLE_SSL=OFF -DCIVETWEB_DISABLE_CGI=ON -DCIVETWEB_SERVE_NO_FILES=ON
    -DCIVETWEB_ENABLE_WEBSOCKETS=OFF -DCIVETWEB_ENABLE_SERVER_EXECUTABLE=OFF -DCIVETWEB_INSTALL_EXECUTABLE=OFF
    -DCIVETWEB_BUILD_TESTING=OFF -DCIVETWEB_ENABLE_ASAN=OFF -DCIVETWEB_ENABLE_LTO=OFF -DCIVETWEB_CXX_ENABLE_LTO=OFF)
# The 3rdparty folder (git submodules) is empty in the source package: the civetweb above is used.
prometheus_cpp_options=(-DBUILD_SHARED_LIBS=OFF -DENABLE_PULL=ON -DENABLE_PUSH=OFF -DENABLE_COMPRESSION=OFF
    -DENABLE_TESTING=OFF -DUSE_THIRDPARTY_LIBRARIES=OFF -DGENERATE_PKGCONFIG=OFF
    -DOVERRIDE_CXX_STANDARD_FLAGS=OFF -DCMAKE_CXX_STANDARD=20)

log() { echo "prometheus-for-mingw: $*" >&2; }
fail() {
    log "$*"
    exit 1
}

[[ $# -eq 0 ]] || fail "unknown argument '$1' (usage: prometheus-for-mingw.sh, no arguments)"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
toolchain=$(cd "$here/.." && pwd)/mingw-w64-x86_64.cmake
[[ -f "$toolchain" ]] || fail "the toolchain file $toolchain is missing"
if [[ -n "${ISOLENS_CACHE_DIR:-}" ]]; then
    cache=$ISOLENS_CACHE_DIR
elif [[ $(id -u) -eq 0 ]]; then
    cache=/var/cache/isolens
else
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/isolens
fi
script_hash=$(cat "${BASH_SOURCE[0]}" "$toolchain" | sha256sum | cut -c1-12)
key=prometheus-mingw-$prometheus_cpp_version-$script_hash
dest=$cache/$key
prefix=$dest/prefix

if [[ -d "$prefix" ]]; then
    log "cached: $prefix"
    echo "$prefix"
    exit 0
fi

for tool in x86_64-w64-mingw32-gcc-posix x86_64-w64-mingw32-g++-posix cmake ninja apt-get dpkg-source flock; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run .ci/install-deps.sh"
done

mkdir -p "$cache" || fail "cannot create the cache folder $cache (set ISOLENS_CACHE_DIR to a writable folder)"
# One build at a time per key: a second configure waits for the first instead of building twice.
exec 9>"$cache/$key.lock"
flock 9
if [[ -d "$prefix" ]]; then
    log "cached: $prefix (built meanwhile by another run)"
    echo "$prefix"
    exit 0
fi

# Earlier builds of this key that were interrupted or failed (kept for their logs): the lock says none runs.
rm -rf "$cache/$key".tmp.*
work=$(mktemp -d "$cache/$key.tmp.XXXXXX")
trap 'rm -rf "$work"; exit 130' INT TERM HUP
started=$SECONDS
cd "$work"

# The pinned sources, verified by apt against the signed index and by dpkg-source against the .dsc.
log "fetching Debian's sources of prometheus-cpp $prometheus_cpp_debian and civetweb $civetweb_debian"
if ! apt-get source --download-only "prometheus-cpp=$prometheus_cpp_debian" "civetweb=$civetweb_debian" \
    >apt-source.log 2>&1; then
    fail "apt-get source of prometheus-cpp=$prometheus_cpp_debian and civetweb=$civetweb_debian failed: $(tail -n 3 apt-source.log)
Is there a deb-src entry for bookworm (.ci/install-deps.sh adds one) and a current index (apt-get update)? If Debian
no longer serves these versions, update the pins at the top of $0."
fi
extract() { # extract PACKAGE DEBIAN-VERSION FOLDER
    local dsc=${1}_${2}.dsc
    [[ -f "$dsc" ]] || fail "apt-get source gave no $dsc (see $work/apt-source.log)"
    grep -qx "Version: $2" "$dsc" || fail "$dsc is not version $2: $(grep '^Version:' "$dsc")"
    dpkg-source -x "$dsc" "$3" >>dpkg-source.log 2>&1 || fail "dpkg-source -x $dsc failed: see $work/dpkg-source.log"
}
extract civetweb "$civetweb_debian" civetweb-src
extract prometheus-cpp "$prometheus_cpp_debian" prometheus-cpp-src
sha256sum ./*.dsc >sources.sha256

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
common=(-G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_INSTALL_PREFIX="$work/prefix" "${launcher[@]}")
build() { # build NAME SOURCE CMAKE-OPTIONS...
    local name=$1 source=$2
    shift 2
    log "building $name for x86_64 Windows"
    cmake -S "$source" -B "$name-build" "${common[@]}" "$@" >"$name-configure.log" 2>&1 ||
        fail "$name's configure failed: see $work/$name-configure.log (kept until the next run)"
    cmake --build "$name-build" >"$name-build.log" 2>&1 || fail "$name's build failed: see $work/$name-build.log (kept until the next run)"
    cmake --install "$name-build" >"$name-install.log" 2>&1 || fail "$name's install failed: see $work/$name-install.log"
}
build civetweb civetweb-src "${civetweb_options[@]}"
# The toolchain file re-roots the find paths: civetweb's config is named by its folder.
build prometheus-cpp prometheus-cpp-src "${prometheus_cpp_options[@]}" -Dcivetweb_DIR="$work/prefix/lib/cmake/civetweb"

for file in lib/libcivetweb.a lib/libcivetweb-cpp.a lib/libprometheus-cpp-core.a lib/libprometheus-cpp-pull.a \
    lib/cmake/civetweb/civetweb-config.cmake lib/cmake/prometheus-cpp/prometheus-cpp-config.cmake \
    include/CivetServer.h include/prometheus/text_serializer.h; do
    [[ -f "$work/prefix/$file" ]] || fail "the install has no $file: see the logs in $work"
done
# The prefix moves when renamed into place: nothing in it may name the temporary folder.
if grep -rlF "$work" "$work/prefix" >stale-paths.txt; then
    fail "the install names its temporary folder (it would break when moved): $(head -n 3 stale-paths.txt)"
fi

mkdir -p "$work/entry/logs"
mv "$work/prefix" "$work/sources.sha256" "$work/entry/"
mv "$work"/*.log "$work/entry/logs/"
rm -rf "$dest" # a folder without its prefix is not a cache entry
mv -T "$work/entry" "$dest" || fail "cannot move the build into place at $dest"
trap - INT TERM HUP
cd "$cache"
rm -rf "$work"
log "built in $((SECONDS - started)) s: $prefix"
echo "$prefix"
