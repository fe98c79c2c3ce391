#!/usr/bin/env bash
# Installs everything IsoLens needs to build and test on Debian 12, from Debian's own packages.
# Safe to run again: it only calls apt when something is missing.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ pkg-config clang-format ccache
    # fuzzing: clang with its libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
    # libraries (core: Boost.Beast/Asio, nlohmann_json, OpenSSL; CLI11; the dashboard: Qt6 Widgets + Charts)
    libboost-dev nlohmann-json3-dev libssl-dev libcli11-dev
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
    # the Windows build, cross-compiled and tested under Wine
    g++-mingw-w64-x86-64-posix wine wine64
    # packaging: the Windows setup (NSIS), the Debian package (dpkg-shlibdeps) and their checks
    # (python3-debian parses the package's copyright file)
    nsis dpkg-dev desktop-file-utils appstream file binutils python3-debian
    # benchmarks: GNU time for the sampling-cost and footprint scripts
    time
    # tests and benchmarks
    libgtest-dev libgmock-dev googletest libbenchmark-dev
    # the private engine the tests start: dockerd, a registry, and busybox-static for a tiny image
    docker.io docker-registry busybox-static openssl procps util-linux ca-certificates iproute2
    # the fresh-machine test: a minimal Debian root, its signatures checked, and git for the committed files
    debootstrap debian-archive-keyring gpgv git
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root, or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
