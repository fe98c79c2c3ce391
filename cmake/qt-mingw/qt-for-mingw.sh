#!/usr/bin/env bash
# Qt 6.4.2 for 64-bit Windows, for the mingw-w64 cross build of the dashboard: qtbase (Core, Gui, Widgets,
# the windows and offscreen platform plugins, PNG; no OpenGL, SQL, network, print support, D-Bus) and Qt
# Charts, cross-compiled with Debian's mingw-w64 (posix threads), Debian's own Qt 6.4.2 serving as the host Qt.
#
# Installed once into a cache outside any build tree, keyed by the Qt version and this script's own hash,
# and reused while both stay the same; only the first run on a machine pays for it. The sources:
#   - Qt Base: Debian's qt6-base source package (apt-get source; needs a deb-src entry, which
#     .ci/install-deps.sh adds), its upstream tarball unchanged (Debian's patches are for Linux builds);
#   - Qt Charts: qtcharts-everywhere-src-6.4.2.tar.xz from the shared third-party folder (Debian's pool
#     has no qt6-charts source), checked against its checksum.
# That folder may also hold a prebuilt of exactly this configuration (same version, same configure
# lines, same compiler: its ISOLENS-PREBUILT.txt says how it was made); if its checksum is the one named
# below, it is unpacked instead of building, which saves about 45 minutes on 2 cores. --from-source
# builds even then.
#
# The third-party inputs, once seen and checked, are kept in the cache too (third-party/), so that a clone
# elsewhere (as CI makes) and a fresh root (the fresh-machine test) find them.
#
#   Usage: qt-for-mingw.sh [--from-source]   prints the Qt prefix as the last line of its output
#          qt-for-mingw.sh --inputs          prints the folder that holds the checked third-party inputs
#   Environment: ISOLENS_CACHE_DIR (default /var/cache/isolens as root, else ~/.cache/isolens);
#                ISOLENS_THIRD_PARTY_DIR (default: ../shared/third_party beside the checkout, then the
#                cache's third-party/)
set -euo pipefail

qt_version=6.4.2
charts_tarball=qtcharts-everywhere-src-$qt_version.tar.xz
charts_sha256=7a93cef9290e1c534c8449bfb3058a741a175c604b3f5254ed3cbafad57567ae
prebuilt_tarball=qt6-mingw-$qt_version-x86_64.tar.xz
prebuilt_sha256=53e76981cc21ee999cd92259d163e2b75c1d96317cec43ec99df037b403805ca
host_cmake_dir=/usr/lib/x86_64-linux-gnu/cmake

# What the dashboard does not need stays out; tablets need wintab.h, which Debian's +dfsg source lacks.
qtbase_options=(-release -xplatform win32-g++ -qt-host-path /usr -no-opengl -nomake examples -nomake tests
    -no-feature-sql -no-feature-network -no-feature-printsupport -no-feature-concurrent -no-feature-xml
    -no-feature-dbus)
qtbase_cmake_options=(-DFEATURE_tabletevent=OFF)

log() { echo "qt-for-mingw: $*" >&2; }
fail() {
    log "$*"
    exit 1
}

from_source=false
inputs_only=false
case "${1:-}" in
"") ;;
--from-source) from_source=true ;;
--inputs) inputs_only=true ;;
*) fail "unknown argument '$1' (usage: qt-for-mingw.sh [--from-source | --inputs])" ;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ -n "${ISOLENS_CACHE_DIR:-}" ]]; then
    cache=$ISOLENS_CACHE_DIR
elif [[ $(id -u) -eq 0 ]]; then
    cache=/var/cache/isolens
else
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/isolens
fi
script_hash=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)
key=qt6-mingw-$qt_version-$script_hash
$from_source && key=$key-from-source
dest=$cache/$key
prefix=$dest/qt6-mingw

mkdir -p "$cache"

# The inputs: the first folder that has the Qt Charts source with its checksum; its files are kept in the
# cache (checked) for clones elsewhere. The prebuilt is optional.
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
stash=$cache/third-party
third_party=
for candidate in ${ISOLENS_THIRD_PARTY_DIR:+"$ISOLENS_THIRD_PARTY_DIR"} "$root/../shared/third_party" "$stash"; do
    if [[ -f "$candidate/$charts_tarball" && $(sha256_of "$candidate/$charts_tarball") == "$charts_sha256" ]]; then
        third_party=$(cd "$candidate" && pwd)
        break
    fi
done
[[ -n "$third_party" ]] || fail "no $charts_tarball with sha256 $charts_sha256 in ${ISOLENS_THIRD_PARTY_DIR:+$ISOLENS_THIRD_PARTY_DIR, }$root/../shared/third_party or $stash (set ISOLENS_THIRD_PARTY_DIR to the folder that holds it)"
if [[ "$third_party" != "$stash" ]]; then
    mkdir -p "$stash"
    for file in "$charts_tarball:$charts_sha256" "$prebuilt_tarball:$prebuilt_sha256"; do
        name=${file%%:*}
        sum=${file#*:}
        if [[ -f "$third_party/$name" && ! -f "$stash/$name" && $(sha256_of "$third_party/$name") == "$sum" ]]; then
            cp "$third_party/$name" "$stash/$name.partial" && mv "$stash/$name.partial" "$stash/$name"
        fi
    done
fi
if $inputs_only; then
    echo "$third_party"
    exit 0
fi

# One build at a time per key: a second configure waits for the first instead of building twice.
exec 9>"$cache/$key.lock"
flock 9
if [[ -f "$dest/complete" ]]; then
    log "cached: $prefix"
    echo "$prefix"
    exit 0
fi
rm -rf "$dest"
mkdir -p "$dest"
started=$SECONDS

if ! $from_source && [[ -f "$third_party/$prebuilt_tarball" ]]; then
    if [[ $(sha256_of "$third_party/$prebuilt_tarball") == "$prebuilt_sha256" ]]; then
        log "unpacking the prebuilt $third_party/$prebuilt_tarball (same version and configure lines)"
        tar -xJf "$third_party/$prebuilt_tarball" -C "$dest"
        [[ -f "$prefix/lib/cmake/Qt6Charts/Qt6ChartsConfig.cmake" ]] || fail "the prebuilt has no Qt Charts"
        touch "$dest/complete"
        log "ready in $((SECONDS - started)) s: $prefix"
        echo "$prefix"
        exit 0
    fi
    log "the prebuilt's checksum is not the one this script was made for: building from the sources"
fi

for tool in x86_64-w64-mingw32-g++-posix /usr/lib/qt6/libexec/moc dpkg-source; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run .ci/install-deps.sh"
done

work=$dest/build
mkdir -p "$work"
cd "$work"
log "fetching Debian's qt6-base source"
if ! apt-get source --download-only qt6-base >apt-source.log 2>&1; then
    fail "apt-get source qt6-base failed (is there a deb-src entry? .ci/install-deps.sh adds one): $(tail -n 3 apt-source.log)"
fi
orig=$(ls qt6-base_"$qt_version"+dfsg.orig.tar.xz 2>/dev/null) || fail "no qt6-base $qt_version upstream tarball in Debian's source package"
tar -xJf "$orig"
tar -xJf "$third_party/$charts_tarball"
qtbase_src=$(ls -d qtbase-everywhere-src-"$qt_version")
charts_src=$(ls -d qtcharts-everywhere-src-"$qt_version")

# The configure script's -xplatform alone configures a Linux build with the Windows mkspec: CMake itself
# must be told it cross-compiles for Windows.
cat >toolchain.cmake <<EOF
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 $prefix)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
EOF
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

log "configuring qtbase ($qt_version) for x86_64 Windows"
mkdir qtbase-build
(cd qtbase-build && "../$qtbase_src/configure" -prefix "$prefix" "${qtbase_options[@]}" -- \
    -DQT_HOST_PATH_CMAKE_DIR=$host_cmake_dir -DCMAKE_TOOLCHAIN_FILE="$work/toolchain.cmake" \
    "${qtbase_cmake_options[@]}" "${launcher[@]}" >../qtbase-configure.log 2>&1) ||
    fail "qtbase's configure failed: see $work/qtbase-configure.log"
log "building qtbase (about 40 minutes on 2 cores)"
cmake --build qtbase-build --parallel >qtbase-build.log 2>&1 || fail "qtbase's build failed: see $work/qtbase-build.log"
cmake --install qtbase-build >qtbase-install.log 2>&1 || fail "qtbase's install failed: see $work/qtbase-install.log"

log "configuring and building Qt Charts"
mkdir qtcharts-build
(cd qtcharts-build && "$prefix/bin/qt-configure-module" "../$charts_src" -- \
    -DCMAKE_TOOLCHAIN_FILE="$work/toolchain.cmake" "${launcher[@]}" >../qtcharts-configure.log 2>&1) ||
    fail "Qt Charts' configure failed: see $work/qtcharts-configure.log"
cmake --build qtcharts-build --parallel >qtcharts-build.log 2>&1 || fail "Qt Charts' build failed: see $work/qtcharts-build.log"
cmake --install qtcharts-build >qtcharts-install.log 2>&1 || fail "Qt Charts' install failed: see $work/qtcharts-install.log"

cd "$dest"
rm -rf "$work"
touch "$dest/complete"
log "built in $((SECONDS - started)) s: $prefix"
echo "$prefix"
