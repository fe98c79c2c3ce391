#!/usr/bin/env bash
# Installs IsoLens' Windows setup silently under Wine, checks what a user would find (Start-menu
# shortcuts, the Add/Remove Programs entry, the licence and third-party notices, a CLI that runs and
# names its licence, and the dashboard: windows-dashboard-checks.sh), uninstalls it silently and checks
# that everything setup wrote is gone.
#   Usage: windows-installer-test.sh IsoLens-<version>-win64.exe VERSION [TOOLS_DIR OUTPUT_DIR]
#   TOOLS_DIR holds the Windows test tools (the pipe relay, the shortcut reader); OUTPUT_DIR receives the
#   screenshots and PNGs. Both are needed when the setup carries the dashboard.
set -euo pipefail
installer=$1
version=$2
tools_dir=${3:-}
output_dir=${4:-}
engine_script=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/engine/private-engine.sh
[[ -f "$installer" ]] || { echo "FAIL: no installer at $installer" >&2; exit 1; }
command -v wine >/dev/null || { echo "FAIL: wine is not installed (apt install wine wine64)" >&2; exit 1; }

# A fresh prefix of its own: a clean machine, and no other test's Wine processes to wait for.
own_prefix=$(mktemp -d /tmp/isolens-wine-installer.XXXXXX)
export WINEPREFIX=$own_prefix/prefix
export WINEDEBUG=-all
# No desktop menu entries in the user's home for the shortcuts Wine sees created.
export WINEDLLOVERRIDES="winemenubuilder.exe=d"
cleanup() {
    wineserver -k 2>/dev/null || true
    rm -rf "$own_prefix"
}
trap cleanup EXIT

drive_c=$WINEPREFIX/drive_c
install_dir="$drive_c/Program Files/IsoLens"
start_menu="$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/IsoLens"
desktop="$drive_c/users/Public/Desktop"
key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\IsoLens'
# shellcheck source=checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
licence=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/LICENSE
registry_value() { wine reg query "$key" /v "$1" 2>/dev/null | tr -d '\r' | awk -v name="$1" '$1 == name {print $3}'; }

wineboot -i >/dev/null 2>&1 || true
wineserver -w
[[ ! -e "$install_dir" ]] || { echo "FAIL: IsoLens is already installed in this prefix" >&2; exit 1; }

echo "installing $installer silently (/S)"
wine "$installer" /S
wineserver -w
check "the program files are in Program Files\\IsoLens" test -f "$install_dir/isolens-cli.exe"
check "the uninstaller is there" test -f "$install_dir/uninstall.exe"
check "the Start-menu folder has the command-line shortcut" test -f "$start_menu/IsoLens command line.lnk"
check "the Start-menu folder has the uninstall shortcut" test -f "$start_menu/Uninstall IsoLens.lnk"
check "the CLI carries version information" grep -q "IsoLens command line" <(strings -a -el "$install_dir/isolens-cli.exe")
check "the CLI declares per-monitor DPI awareness" grep -q "PerMonitorV2" <(strings -a "$install_dir/isolens-cli.exe")
check "the shortcut starts isolens-cli" grep -qa "isolens-cli" <(strings -a -el "$start_menu/IsoLens command line.lnk"; strings -a "$start_menu/IsoLens command line.lnk")
check "no desktop shortcut unless chosen" test ! -e "$desktop/IsoLens.lnk" -a ! -e "$desktop/IsoLens command line.lnk"
check "Add/Remove Programs shows version $version" test "$(registry_value DisplayVersion)" = "$version"
check "Add/Remove Programs shows the publisher" test -n "$(registry_value Publisher)"
check "LICENSE.txt is the GPL-3.0 with Windows line ends" cmp -s "$install_dir/LICENSE.txt" <(sed 's/$/\r/' "$licence")
notices="$install_dir/THIRD-PARTY-NOTICES.txt"
check "THIRD-PARTY-NOTICES.txt is beside the programs" test -f "$notices"
for component in "Boost" "nlohmann_json" "CLI11" "prometheus-cpp" "civetweb" "GCC runtime libraries" "mingw-w64 runtime"; do
    check "the notices name $component" grep -q "^$component" "$notices"
done
# The mingw cross build (the one this test runs for) has the dashboard but no TLS: the notices name what
# it links and ships, Qt and Qt Charts among them, and not OpenSSL.
if [[ -f "$install_dir/isolens.exe" ]]; then
    check "the notices name Qt" grep -q "^Qt 6 " "$notices"
    check "the notices name Qt Charts" grep -q "^Qt Charts" "$notices"
fi
check "the notices do not name OpenSSL" test -z "$(grep -E '^OpenSSL' "$notices")"
check "the notices have Windows line ends" test "$(grep -c $'\r$' "$notices")" = "$(wc -l <"$notices")"
output=$(wine "C:\\Program Files\\IsoLens\\isolens-cli.exe" --version 2>&1 | tr -d '\r')
check "the installed CLI runs ($(head -n 1 <<<"$output"))" test "$(head -n 1 <<<"$output")" = "isolens-cli $version"
check "the installed CLI's --version names the licence" grep -q "GPL-3.0-or-later" <<<"$output"
offline=$(wine "C:\\Program Files\\IsoLens\\isolens-cli.exe" preflight mcr.microsoft.com/windows/servercore:ltsc2022 --host-build 17763 --offline 2>&1 | tr -d '\r' || true)
check "the installed CLI predicts an OS mismatch offline" grep -q "no matching manifest" <<<"$offline"

if [[ -f "$install_dir/isolens.exe" ]]; then
    [[ -n "$tools_dir" && -n "$output_dir" ]] || { echo "FAIL: the dashboard's checks need TOOLS_DIR and OUTPUT_DIR" >&2; exit 1; }
    # shellcheck source=windows-dashboard-checks.sh
    source "$(dirname "${BASH_SOURCE[0]}")/windows-dashboard-checks.sh"
fi

uninstall() {
    wine "C:\\Program Files\\IsoLens\\uninstall.exe" /S
    wineserver -w
    sleep 1
    wineserver -w
}
# A file and a folder of the user's own in the install folder: the uninstaller removes what setup
# installed, not the folder with everything in it.
echo "my notes" >"$install_dir/my-notes.txt"
mkdir -p "$install_dir/my-data" && echo "kept" >"$install_dir/my-data/kept.txt"
echo "uninstalling silently (/S)"
uninstall
check "the licence and the notices are gone" test ! -e "$install_dir/LICENSE.txt" -a ! -e "$notices"
left=$(cd "$install_dir" 2>/dev/null && find . -mindepth 1 | sort | tr '\n' ' ')
check "only the user's own files are left in Program Files\\IsoLens ($left)" \
    test "$left" = "./my-data ./my-data/kept.txt ./my-notes.txt "
rm -rf "$install_dir"
echo "installing and uninstalling again, with nothing of the user's in the folder"
wine "$installer" /S
wineserver -w
check "installed again" test -f "$install_dir/isolens-cli.exe"
uninstall
check "Program Files\\IsoLens is gone" test ! -e "$install_dir"
check "the Start-menu folder is gone" test ! -e "$start_menu"
check "the dashboard and its Qt runtime are gone" test ! -e "$install_dir/isolens.exe" -a ! -e "$install_dir/Qt6Core.dll"
check "no shortcut is left on the desktop" test ! -e "$desktop/IsoLens.lnk"
check "the Add/Remove Programs entry is gone" test -z "$(registry_value DisplayVersion)"

finish_checks windows-installer-test
