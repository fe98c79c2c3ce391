#!/usr/bin/env bash
# Builds the Debian package from a build tree, checks its contents, dependencies, copyright file
# (copyright-format 1.0: dep5-check.py), desktop entry (desktop-file-validate) and AppStream metainfo
# (appstreamcli), installs it with apt, launches the dashboard the way its desktop entry says
# (offscreen, replaying the shipped sample into a PNG) and the CLI, checks that both name their
# licence, then removes the package and checks that its files are gone.
#   Usage: deb-package-test.sh BUILD_DIR   (as root: it installs the package on this machine)
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/isolens-deb-test.XXXXXX)
installed=
cleanup() {
    if [[ -n "$installed" ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq isolens >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
[[ $(id -u) -eq 0 ]] || { echo "FAIL: deb-package-test installs a package and needs root" >&2; exit 1; }
if dpkg-query -W -f='${Status}' isolens 2>/dev/null | grep -q "install ok installed"; then
    echo "FAIL: a package named isolens is already installed; remove it first (apt remove isolens)" >&2
    exit 1
fi

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >/dev/null)
deb=$(ls "$work"/isolens_*_amd64.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
contents=$(dpkg-deb -c "$deb")
for path in usr/bin/isolens usr/bin/isolens-cli usr/share/doc/isolens/copyright \
    usr/share/applications/org.isolens.IsoLens.desktop \
    usr/share/metainfo/org.isolens.IsoLens.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.isolens.IsoLens.svg \
    usr/share/icons/hicolor/256x256/apps/org.isolens.IsoLens.png; do
    check "the package holds /$path" grep -q "\./$path\$" <<<"$contents"
done
depends=$(dpkg-deb -f "$deb" Depends)
for library in libqt6widgets6 libqt6charts6 libssl3 libstdc++6; do
    check "it depends on $library" grep -q "$library" <<<"$depends"
done

dpkg-deb -x "$deb" "$work/root"
# Debian's python3 (python3-debian), not one earlier on PATH.
check "the copyright file is machine-readable (DEP-5) and names what the programs link" \
    /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/dep5-check.py" "$work/root/usr/share/doc/isolens/copyright" \
    "$work/root/usr/bin/isolens" "$work/root/usr/bin/isolens-cli"
check "the desktop entry validates" desktop-file-validate "$work/root/usr/share/applications/org.isolens.IsoLens.desktop"
check "the AppStream metainfo validates" appstreamcli validate --no-net --explain \
    "$work/root/usr/share/metainfo/org.isolens.IsoLens.metainfo.xml"

DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
installed=yes
check "the package is installed" dpkg-query -W isolens
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/org.isolens.IsoLens.desktop)
program=$(command -v "${exec_line%% *}" || true)
check "the desktop entry's program is on PATH ($exec_line -> $program)" test "$program" = /usr/bin/isolens
QT_QPA_PLATFORM=offscreen "$program" --host unix:///nonexistent-isolens.sock --replay sample \
    --export-png "$work/launched.png" --after 0.5 --size 800x500 >"$work/launch.log" 2>&1 || cat "$work/launch.log" >&2
check "launched from its desktop entry, the dashboard draws the sample recording" \
    test "$(file -b "$work/launched.png" 2>/dev/null | cut -d, -f1-2)" = "PNG image data, 800 x 500"
cli_version=$(isolens-cli --version || true)
check "the installed CLI runs" test "$(head -n 1 <<<"$cli_version")" = "isolens-cli $(dpkg-deb -f "$deb" Version)"
check "the CLI's --version names the licence" grep -q "GPL-3.0-or-later" <<<"$cli_version"
check "the dashboard's --version names the licence" \
    grep -q "GPL-3.0-or-later" <(QT_QPA_PLATFORM=offscreen "$program" --version 2>&1)

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq isolens >/dev/null
installed=
check "removing the package removes the dashboard" test ! -e /usr/bin/isolens
check "removing the package removes the desktop entry" test ! -e /usr/share/applications/org.isolens.IsoLens.desktop
check "removing the package removes its copyright file" test ! -e /usr/share/doc/isolens/copyright

finish_checks deb-package-test
