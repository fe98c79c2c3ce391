#!/usr/bin/env bash
# The one command that runs every test: installs the dependencies (apt), builds, and runs ctest.
# The engine tests start their own private dockerd, which needs root: run as root or with sudo.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

.ci/install-deps.sh

if [[ $(id -u) -ne 0 ]]; then
    echo "run-all: the engine tests start a private dockerd and need root; re-running with sudo" >&2
    exec sudo --preserve-env=PATH "$0" "$@"
fi

# The guard first: on a fresh Debian 12 root, .ci/install-deps.sh must bring every package that the
# Linux presets configure with and that the CLI and the dashboard build with (a few minutes once the
# root is cached under /var/cache/isolens/fresh-root).
tests/fresh-machine/fresh-machine-test.sh

# Then the Windows build: the dashboard and the CLI cross-compiled with mingw-w64 against Qt for Windows
# (made once into /var/cache/isolens by cmake/qt-mingw/qt-for-mingw.sh), their tests under Wine, and the
# setup installed silently in a fresh Wine prefix: the dashboard opened from its Start-menu shortcut on
# Xvfb, run live through \\.\pipe\docker_engine against a private engine, then uninstalled.
cmake --preset mingw-cross
cmake --build --preset mingw-cross
ctest --preset mingw-cross

# The parsers under libFuzzer (clang, with AddressSanitizer and UndefinedBehaviorSanitizer), briefly each.
cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --preset dev-asan
cmake --build --preset dev-asan
ctest --preset dev-asan

# The core, the command line and their tests under ThreadSanitizer (the dashboard is left out: Qt's
# own threads are not instrumented); any data race fails the run.
cmake --preset dev-tsan
cmake --build --preset dev-tsan
ctest --preset dev-tsan

# Then the Linux build: its Debian package (built, validated, installed, launched, removed), and every
# test against a private Docker engine.
cmake --preset dev
cmake --build --preset dev
tests/installer/deb-package-test.sh build/dev
ctest --preset dev "$@"
