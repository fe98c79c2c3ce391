# The installed dashboard under Wine, as a Windows user meets it (sourced by windows-installer-test.sh
# between the silent install and the silent uninstall; uses its check, $install_dir, $start_menu and
# $WINEPREFIX):
#   1. what setup deployed beside it is exactly what its files import;
#   2. the Start-menu shortcut IsoLens, read with the Shell's own API, opens the dashboard: its window
#      appears on a real X display (Xvfb), with its title and size, and a screenshot is kept;
#      a bad option, started without a console, is told in a dialog;
#   3. the installed program replays the sample into a PNG with both modes' colours;
#   4. live: with no --host it reaches a real private engine through \\.\pipe\docker_engine (a relay
#      inside the prefix, to the engine's socket through a loopback port), starts a pair, both columns
#      fill, a PNG is exported, and on exit both containers are removed.
# Needs: $tools_dir (isolens_pipe_relay.exe, isolens_shortcut_target.exe), $output_dir (screenshots and
# PNGs are kept there for people to look at), $engine_script (the private engine), root.

dashboard_win='C:\Program Files\IsoLens\isolens.exe'
shortcut="$start_menu/IsoLens.lnk"
mkdir -p "$output_dir"
unix_path() { wine winepath -u "$1" 2>/dev/null | tr -d '\r'; }

# 1. The deployed runtime: every DLL beside the programs is imported by one of them, a plugin or another
#    deployed DLL; every DLL they import is either there or one of Windows' own.
imports_of() { x86_64-w64-mingw32-objdump -p "$1" | awk '/DLL Name:/ { print tolower($3) }'; }
deployed_files=$(cd "$install_dir" && find . -iname '*.exe' -o -iname '*.dll' | sed 's|^\./||' | sort)
imported=$(for file in $deployed_files; do imports_of "$install_dir/$file"; done | sort -u)
for file in $deployed_files; do
    name=$(basename "$file" | tr '[:upper:]' '[:lower:]')
    case "$file" in
    *.exe | platforms/* | styles/*) continue ;; # programs and plugins are loaded, not imported
    esac
    check "deployed $file is imported by something" grep -qx "$name" <<<"$imported"
done
for name in $imported; do
    [[ "$name" == api-ms-* ]] && continue
    if ! ls "$install_dir" | tr '[:upper:]' '[:lower:]' | grep -qx "$name"; then
        check "$name is one of Windows' own DLLs (mingw-w64 has its import library)" \
            test -f "/usr/x86_64-w64-mingw32/lib/lib${name%.dll}.a"
    fi
done
check "the Windows platform plugin is deployed" test -f "$install_dir/platforms/qwindows.dll"

# A real X display of our own for Wine's windows.
display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -s "$display_file" ]] && break; sleep 0.1; done
export DISPLAY=:$(cat "$display_file")
rm -f "$display_file"
check "Xvfb runs on $DISPLAY" test -n "${DISPLAY#:}"

# The private engine, and the relay from the default pipe to it.
engine_env=$own_prefix/engine.env
"$engine_script" start "$engine_env" >"$output_dir/private-engine.log" 2>&1
# shellcheck disable=SC1090
source "$engine_env"
socket=${ISOLENS_TEST_DOCKER_HOST#unix://}
port=
for candidate in $(shuf -i 20000-45000 -n 20); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
# Loopback only, and only while this test runs.
socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$socket" &
socat_pid=$!
wine "$tools_dir/isolens_pipe_relay.exe" --port "$port" --ready-file 'C:\relay-ready' &
relay_pid=$!
for _ in $(seq 100); do [[ -f "$WINEPREFIX/drive_c/relay-ready" ]] && break; sleep 0.2; done
check "the relay serves \\\\.\\pipe\\docker_engine" test -f "$WINEPREFIX/drive_c/relay-ready"
stop_dashboard_services() {
    kill "$relay_pid" "$socat_pid" 2>/dev/null || true
    "$engine_script" stop "$engine_env" >/dev/null 2>&1 || true
    kill "$xvfb_pid" 2>/dev/null || true
}
trap 'stop_dashboard_services; cleanup' EXIT

# 2. The Start-menu shortcut, read with IShellLink, then opened as the Start menu opens it.
check "the Start-menu folder has the dashboard's shortcut" test -f "$shortcut"
link=$(wine "$tools_dir/isolens_shortcut_target.exe" "$(wine winepath -w "$shortcut" 2>/dev/null | tr -d '\r')" | tr -d '\r')
target=$(sed -n 's/^target=//p' <<<"$link")
check "the shortcut's target is the installed isolens.exe ($target)" \
    test "$(tr '[:upper:]' '[:lower:]' <<<"$target")" = "$(tr '[:upper:]' '[:lower:]' <<<"$dashboard_win")"
wine start /unix "$shortcut"
window=$(timeout 90 xdotool search --sync --onlyvisible --name '^IsoLens' 2>/dev/null | head -n 1 || true)
check "the dashboard's window appears on $DISPLAY" test -n "$window"
if [[ -n "$window" ]]; then
    title=$(xdotool getwindowname "$window")
    check "its title is 'IsoLens — Hyper-V vs process isolation' ($title)" \
        test "$title" = "IsoLens — Hyper-V vs process isolation"
    eval "$(xdotool getwindowgeometry --shell "$window")" # WIDTH, HEIGHT
    check "its size is the default 1280x800 or a little more with its frame (${WIDTH}x${HEIGHT})" \
        test "$WIDTH" -ge 1280 -a "$WIDTH" -le 1320 -a "$HEIGHT" -ge 800 -a "$HEIGHT" -le 860
    # Connected through the pipe: the dashboard, not the no-engine banner, after a moment.
    sleep 8
    import -window root "$output_dir/start-menu-launch.png"
    check "a screenshot was taken ($output_dir/start-menu-launch.png)" test -s "$output_dir/start-menu-launch.png"
    wine taskkill /im isolens.exe >/dev/null 2>&1 || true
    for _ in $(seq 50); do pgrep -f 'isolens\.exe' >/dev/null || break; sleep 0.2; done
    check "the dashboard closes when asked (WM_CLOSE)" bash -c "! pgrep -f 'isolens\\.exe' >/dev/null"
fi

# At 150% (144 DPI, a common laptop setting) the whole window must still fit the 1600x1000 screen, its
# status bar included: 1280x800 logical pixels would be 1920x1200.
wine reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 144 /f >/dev/null 2>&1
wine "$dashboard_win" --host npipe:////./pipe/isolens-no-engine >/dev/null 2>&1 &
window=$(timeout 90 xdotool search --sync --onlyvisible --name '^IsoLens' 2>/dev/null | head -n 1 || true)
check "at 150% the dashboard's window appears" test -n "$window"
if [[ -n "$window" ]]; then
    sleep 3
    eval "$(xdotool getwindowgeometry --shell "$window")" # X, Y, WIDTH, HEIGHT
    check "at 150% the window fits the screen (${WIDTH}x${HEIGHT} at $X,$Y on 1600x1000)" \
        test "$X" -ge 0 -a "$Y" -ge 0 -a $((X + WIDTH)) -le 1600 -a $((Y + HEIGHT)) -le 1000
    import -window root "$output_dir/at-150-percent.png"
    wine taskkill /im isolens.exe >/dev/null 2>&1 || true
    for _ in $(seq 50); do pgrep -f 'isolens\.exe' >/dev/null || break; sleep 0.2; done
fi
wine reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 96 /f >/dev/null 2>&1

# A mistake on the command line of a program started without a console (as the Start menu and Explorer
# start it, which `wine start` does too): a dialog says what is wrong, not a standard error nobody sees.
wine start /unix "$(unix_path "$dashboard_win")" --size big
window=$(timeout 60 xdotool search --sync --onlyvisible --name '^IsoLens$' 2>/dev/null | head -n 1 || true)
check "a bad option, started without a console, is told in a dialog" test -n "$window"
if [[ -n "$window" ]]; then
    eval "$(xdotool getwindowgeometry --shell "$window")" # WIDTH, HEIGHT
    check "that dialog is a message, not the dashboard (${WIDTH}x${HEIGHT})" test "$WIDTH" -lt 900 -a "$HEIGHT" -lt 400
    import -window root "$output_dir/bad-option-dialog.png"
    # A key sent to a window without the focus (xdotool's XSendEvent) can be lost while Wine is still
    # giving the new dialog the focus, so give it the focus, press Return, and press again if it is up.
    presses=0
    for _ in 1 2 3 4 5; do
        timeout 5 xdotool windowfocus --sync "$window" 2>/dev/null || true
        xdotool key Return 2>/dev/null || true
        presses=$((presses + 1))
        for _ in $(seq 15); do pgrep -f 'isolens\.exe' >/dev/null || break 2; sleep 0.2; done
    done
    echo "   Return pressed $presses time(s)"
    check "its OK ends the program" bash -c "! pgrep -f 'isolens\\.exe' >/dev/null"
fi
wine taskkill /im isolens.exe >/dev/null 2>&1 || true

# Whether both modes' colours (#1f77b4 and #e8590c, ui/dashboard_colors.hpp) cover at least N pixels.
colour_pixels() {
    convert "$1" -alpha off -fuzz 8% -fill black +opaque "$2" -fill white -opaque "$2" \
        -format '%[fx:int(mean*w*h)]' info:
}
has_both_colours() {
    local blue orange
    blue=$(colour_pixels "$1" '#1f77b4')
    orange=$(colour_pixels "$1" '#e8590c')
    echo "   $(basename "$1"): $blue blue and $orange orange pixels"
    test "$blue" -ge 200 -a "$orange" -ge 200
}

# 3. The sample, replayed by the installed program into a PNG.
rm -f "$WINEPREFIX/drive_c/replay.png"
wine "$dashboard_win" --replay sample --export-png 'C:\replay.png' --after 2 --size 1400x900 \
    >"$output_dir/replay.log" 2>&1 || true
cp "$WINEPREFIX/drive_c/replay.png" "$output_dir/replay.png" 2>/dev/null || true
check "the installed dashboard replays the sample into a PNG" test -s "$output_dir/replay.png"
check "the replay's PNG shows both modes' colours" has_both_colours "$output_dir/replay.png"

# The command line in a console of its own, as the Start-menu shortcut's `cmd /k` gives it one: a name outside
# ASCII reads as it is (not as "JosÃ©", which the C runtime's own writing gave under Wine).
cli_win='C:\Program Files\IsoLens\isolens-cli.exe'
console_screen() { # OUTPUT SECONDS ARGUMENTS...: the console's screen after the CLI ran
    local out=$1 seconds=$2
    shift 2
    rm -f "$WINEPREFIX/drive_c/screen.txt"
    timeout 90 wine "$tools_dir/isolens_console_screen.exe" 'C:\screen.txt' "$seconds" "$cli_win" "$@" >/dev/null 2>&1 || true
    cp "$WINEPREFIX/drive_c/screen.txt" "$out" 2>/dev/null || : >"$out"
}
console_screen "$output_dir/console-non-ascii.txt" 20 normalize 'C:\José-テスト\stats.jsonl'
check "the console shows the CLI's message with 'José-テスト' as it is" \
    grep -q 'José-テスト' "$output_dir/console-non-ascii.txt"

# 4. Live, with no --host: the default pipe.
recordings="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/IsoLens/recordings"
rm -rf "$recordings" "$WINEPREFIX/drive_c/live.png"
wine "$dashboard_win" --start "$ISOLENS_TEST_IMAGE" --cmd "sleep 600" \
    --modes "runc,$ISOLENS_TEST_SECOND_RUNTIME" --export-png 'C:\live.png' --after 15 --size 1400x900 \
    >"$output_dir/live.log" 2>&1 || true
cp "$WINEPREFIX/drive_c/live.png" "$output_dir/live.png" 2>/dev/null || true
check "the live pair's PNG was exported" test -s "$output_dir/live.png"
check "the live PNG shows both modes' colours" has_both_colours "$output_dir/live.png"
recording=$(ls "$recordings"/*.jsonl 2>/dev/null | head -n 1 || true)
check "the live pair was recorded in %LOCALAPPDATA%\\IsoLens\\recordings" test -n "$recording"
if [[ -n "$recording" ]]; then
    counts=$(python3 -c 'import json, sys, collections
c = collections.Counter(json.loads(l).get("mode") for l in open(sys.argv[1]) if "\"type\":\"sample\"" in l)
print(c["runc"], c[sys.argv[2]])' "$recording" "$ISOLENS_TEST_SECOND_RUNTIME")
    read -r runc_samples vm_samples <<<"$counts"
    check "both columns filled: runc $runc_samples samples, $ISOLENS_TEST_SECOND_RUNTIME $vm_samples" \
        test "$runc_samples" -ge 5 -a "$vm_samples" -ge 5
    check "the recording names the pipe it went through" grep -q 'npipe:////./pipe/docker_engine' "$recording"
fi
left=$(docker -H "$ISOLENS_TEST_DOCKER_HOST" ps -aq --filter label=isolens.session)
check "both containers were removed on exit" test -z "$left"

# stats in a console, through the default pipe, for a few seconds: its table is redrawn in place (the
# clear-screen codes are understood, never shown as "←[2J"), so the screen holds one table, not several.
docker -H "$ISOLENS_TEST_DOCKER_HOST" run -d --name isolens-console-stats "$ISOLENS_TEST_IMAGE" sleep 300 >/dev/null
console_screen "$output_dir/console-stats.txt" 6 stats
docker -H "$ISOLENS_TEST_DOCKER_HOST" rm -f isolens-console-stats >/dev/null
check "stats in a console shows its table" grep -q 'CONTAINER' "$output_dir/console-stats.txt"
check "stats in a console redraws one table in place ($(grep -c 'CONTAINER' "$output_dir/console-stats.txt") headers)" \
    test "$(grep -c 'CONTAINER' "$output_dir/console-stats.txt")" -eq 1
check "stats in a console shows no escape codes" python3 -c 'import sys
text = open(sys.argv[1], encoding="utf-8").read()
sys.exit("\x1b" in text or "\u2190[" in text)' "$output_dir/console-stats.txt"

stop_dashboard_services
trap cleanup EXIT
