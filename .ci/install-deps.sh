#!/usr/bin/env bash
# Installs everything IsoLens needs to build and test on Debian 12, from Debian's own packages.
# Safe to run again: it only calls apt when something is missing.
set -euo pipefail

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    else
        command -v sudo >/dev/null || { echo "install-deps: run as root, or install sudo" >&2; exit 1; }
        sudo "$@"
    fi
}

packages=(
    # toolchain
    cmake ninja-build g++ pkg-config clang-format ccache
    # fuzzing: clang with its libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
    # libraries (core: Boost.Beast/Asio, nlohmann_json, OpenSSL; CLI11; the dashboard: Qt6 Widgets + Charts)
    libboost-dev nlohmann-json3-dev libssl-dev libcli11-dev
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
    # the exporter (isolens-cli serve): prometheus-cpp's registry and text format, civetweb's HTTP server
    prometheus-cpp-dev libcivetweb-dev
    # the Windows build, cross-compiled and tested under Wine
    g++-mingw-w64-x86-64-posix wine wine64
    # Qt for Windows (cmake/qt-mingw/qt-for-mingw.sh): xz for its tarballs (flock: util-linux, below)
    xz-utils
    # the Windows dashboard's tests: a real X display (Xvfb), a window found and clicked (xdotool), a
    # screenshot (ImageMagick's import), a relay from the private engine's socket to TCP (socat)
    xvfb xdotool imagemagick socat
    # packaging: the Windows setup (NSIS), the Debian package (dpkg-shlibdeps) and their checks
    # (python3-debian parses the package's copyright file)
    nsis dpkg-dev desktop-file-utils appstream file binutils python3-debian
    # benchmarks: GNU time for the sampling-cost, exporter-cost and footprint scripts
    time
    # tests and benchmarks
    libgtest-dev libgmock-dev googletest libbenchmark-dev
    # the private engine the tests start: dockerd, a registry, and busybox-static for a tiny image
    docker.io docker-registry busybox-static openssl procps util-linux ca-certificates iproute2
    # the fresh-machine test: a minimal Debian root, its signatures checked, and git for the committed files
    debootstrap debian-archive-keyring gpgv git
    # the exporter's tests: a real Prometheus (and promtool) scraping it, curl to fetch its page
    prometheus curl
    # the HTML report's test: a real browser (headless chromium) and a font for it to render the page with
    chromium fonts-dejavu-core
    # the check that the Grafana dashboard and Prometheus rules name only served metrics reads the rules' YAML
    python3-yaml
)

# Qt Base's source for the Windows build of the dashboard (cmake/qt-mingw/qt-for-mingw.sh, when no
# prebuilt Qt is at hand) and prometheus-cpp's and civetweb's for the Windows build of the exporter
# (cmake/prometheus-mingw/prometheus-for-mingw.sh) come from Debian's source packages: a deb-src entry
# for the mirror apt uses.
# shellcheck source=apt-sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-sources.sh"
suite=bookworm
need_update=false
if ! apt_has_deb_src "$suite"; then
    mirror=$(apt_mirror_of "$suite")
    [[ -n "$mirror" ]] || { echo "install-deps: no apt source for $suite to add a deb-src entry for" >&2; exit 1; }
    entry="Types: deb-src\nURIs: $mirror\nSuites: $suite\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
    echo "install-deps: adding a deb-src entry for $mirror $suite (/etc/apt/sources.list.d/isolens-deb-src.sources)"
    printf "$entry" | as_root tee /etc/apt/sources.list.d/isolens-deb-src.sources >/dev/null
    need_update=true
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    $need_update && as_root apt-get update -qq
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
