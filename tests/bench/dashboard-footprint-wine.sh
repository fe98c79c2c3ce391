# shellcheck shell=bash
# Part 3 of dashboard-footprint.sh (sourced by it; uses $root, $mingw, $dashboard, $work, $rss and the
# recording $work/day.jsonl of part 1): the Windows build replays the same recording under Wine, in a
# fresh prefix of its own, (a) on the windows platform plugin with a private X display (Xvfb), as on a
# user's desktop, and (b) offscreen; each run's peak RSS and what its resident memory is made of just
# before it exits (after the PNG export), beside the Linux build's, sampled the same way.
exe=$mingw/app/dashboard/isolens.exe
if [[ ! -f "$exe" ]]; then
    echo "   skipped: no $exe (build it: cmake --preset mingw-cross && cmake --build --preset mingw-cross)"
    return 0
fi
qt_prefix=$(sed -n 's/^ISOLENS_QT_MINGW_PREFIX:[A-Z]*=//p' "$mingw/CMakeCache.txt")
[[ -f "$qt_prefix/bin/Qt6Core.dll" ]] || { echo "   no Qt for Windows at '$qt_prefix' (ISOLENS_QT_MINGW_PREFIX in $mingw/CMakeCache.txt)" >&2; return 1; }
export WINEPREFIX=$work/wine WINEDEBUG=-all WINEDLLOVERRIDES=winemenubuilder.exe=d
export WINEPATH="Z:$qt_prefix/bin;Z:/usr/lib/gcc/x86_64-w64-mingw32/12-posix;Z:/usr/x86_64-w64-mingw32/lib"
# Wine keeps the Unix QT_* variables away from Windows programs (they are meant for the Linux Qt) and
# passes WINEQT_* on as QT_*: QT_QPA_PLATFORM=offscreen alone would leave the windows plugin in use.
export WINEQT_PLUGIN_PATH="Z:$qt_prefix/plugins"
wineboot -i >/dev/null 2>&1 || true
display_file=$work/display
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [[ -s "$display_file" ]] && break; sleep 0.1; done
DISPLAY=:$(cat "$display_file")
export DISPLAY

# Follows a process until it exits: its peak RSS (VmHWM, KiB) into OUT.peak and the last complete copy
# of its smaps (the moment of the PNG export, give or take a quarter of a second) into OUT.smaps.
watch_memory() { # PID OUT
    local pid=$1 out=$2 peak=0 hwm
    while [[ -r "/proc/$pid/status" ]] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; do
        hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        [[ -n "$hwm" ]] && ((hwm > peak)) && peak=$hwm
        if cp "/proc/$pid/smaps" "$out.tmp" 2>/dev/null && tail -n 40 "$out.tmp" | grep -q '\[vsyscall\]'; then
            mv "$out.tmp" "$out.smaps"
        fi
        sleep 0.25
    done
    echo "$peak" >"$out.peak"
}
# The Windows process of this prefix, once it has mapped the program (its command line is the program's
# path, Unix or Windows style; another prefix's isolens.exe may be running beside it).
windows_process() {
    local pid
    for pid in $(pgrep -f 'isolens\.exe'); do
        if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "WINEPREFIX=$WINEPREFIX" &&
            grep -q 'isolens\.exe$' "/proc/$pid/maps" 2>/dev/null; then
            echo "$pid"
            return 0
        fi
    done
    return 1
}
windows_path() { echo "Z:${1//\//\\}"; }
# Replays a recording with the Windows build; extra VAR=VALUE arguments go to its environment.
wine_replay() { # RECORDING OUT [VAR=VALUE...]
    local recording=$1 out=$2 pid=
    shift 2
    env "$@" wine "$exe" --host npipe:////./pipe/nonexistent-isolens --replay "$(windows_path "$recording")" \
        --view compare --export-png "$(windows_path "$out.png")" --after 3 --size 1600x1000 >"$out.log" 2>&1 &
    local launcher=$!
    for _ in $(seq 600); do
        pid=$(windows_process) && break
        kill -0 "$launcher" 2>/dev/null || break
        sleep 0.1
    done
    [[ -n "$pid" ]] && watch_memory "$pid" "$out"
    wait "$launcher" || true
    [[ -s "$out.png" && -s "$out.smaps" ]] || { echo "   the replay under Wine failed:" >&2; cat "$out.log" >&2; return 1; }
    python3 "$root/tests/bench/resident-memory.py" "$out.smaps" "$out.totals" >"$out.report"
}
linux_replay() { # RECORDING OUT
    QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work" "$dashboard" --host unix:///nonexistent-isolens.sock \
        --replay "$1" --view compare --export-png "$2.png" --after 3 --size 1600x1000 >/dev/null 2>&1 &
    local pid=$!
    watch_memory "$pid" "$2"
    wait "$pid" || true
    python3 "$root/tests/bench/resident-memory.py" "$2.smaps" "$2.totals" >"$2.report"
}
mib() { awk -v k="$1" '$1 == k {print $2}' "$work/$2.totals"; }
# anonymous memory and the Unix heap together: where a program's own data lives
data_mib() { awk '$1 == "anon" || $1 == "heap" {sum += $2} END {printf "%.1f", sum}' "$work/$1.totals"; }

"$bench/tests/bench/isolens_synthetic_recording" "$work/hour.jsonl" 1 >/dev/null
linux_replay "$work/day.jsonl" "$work/linux"
linux_replay "$work/hour.jsonl" "$work/linux-hour"
wine_replay "$work/day.jsonl" "$work/windows"
wine_replay "$work/day.jsonl" "$work/offscreen" WINEQT_QPA_PLATFORM=offscreen
wine_replay "$work/hour.jsonl" "$work/offscreen-hour" WINEQT_QPA_PLATFORM=offscreen
WINEPREFIX=$work/wine wineserver -k >/dev/null 2>&1 || true

echo "   (a) the windows platform plugin on an X display of its own (Xvfb $DISPLAY): peak RSS $(($(cat "$work/windows.peak") / 1024)) MiB; just before it exits:"
cat "$work/windows.report"
echo "   (b) the offscreen platform plugin: peak RSS $(($(cat "$work/offscreen.peak") / 1024)) MiB; just before it exits:"
cat "$work/offscreen.report"
echo "   the Linux build, the same replay offscreen: peak RSS $(($(cat "$work/linux.peak") / 1024)) MiB (part 1: $((rss / 1024)) MiB); just before it exits:"
cat "$work/linux.report"
echo "   a 1-hour recording instead: peak RSS $(($(cat "$work/offscreen-hour.peak") / 1024)) MiB offscreen under Wine, $(($(cat "$work/linux-hour.peak") / 1024)) MiB on Linux"
extra=$(awk -v a="$(mib total windows)" -v b="$(mib total offscreen)" 'BEGIN {printf "%.0f", a - b}')
probe=$(awk -v a="$(mib gl windows)" -v b="$(mib heap windows)" -v c="$(mib gl offscreen)" -v d="$(mib heap offscreen)" \
    'BEGIN {printf "%.0f", a + b - c - d}')
llvm=$(awk '/^[0-9a-f]+-/ {llvm = /libLLVM/} /^Rss:/ && llvm {sum += $2} END {printf "%.1f", sum / 1024}' "$work/windows.smaps")
echo "   what it is:"
echo "   - of the windows plugin's $extra MiB over offscreen, $probe MiB is Wine and Mesa answering Qt's GPU probe, not IsoLens:"
echo "     Mesa/LLVM/GL $(mib gl windows) MiB (libLLVM alone $llvm MiB) and the Unix heap $(mib heap windows) MiB (offscreen: $(mib gl offscreen) and $(mib heap offscreen)). When the first window is"
echo "     created, Qt's windows plugin asks Direct3D 9 for the GPU's name (GpuDescription::detect, for QTBUG-50371);"
echo "     Wine's d3d9 is wined3d on OpenGL, here Mesa's llvmpipe, which loads LLVM. qwindows.dll imports d3d9."
echo "     The rest is the window itself on X (its shared-memory surface, Wine's X11 driver)."
growth_wine=$(awk -v a="$(data_mib offscreen)" -v b="$(data_mib offscreen-hour)" 'BEGIN {printf "%.1f", a - b}')
growth_linux=$(awk -v a="$(data_mib linux)" -v b="$(data_mib linux-hour)" 'BEGIN {printf "%.1f", a - b}')
peak_wine=$((($(cat "$work/offscreen.peak") - $(cat "$work/offscreen-hour.peak")) / 1024))
peak_linux=$((($(cat "$work/linux.peak") - $(cat "$work/linux-hour.peak")) / 1024))
# The recording's share varies by a few MiB with the moment of the last sample (before, during or after the export).
verdict=$(awk -v w="$growth_wine" -v l="$growth_linux" 'BEGIN {print (w <= l + 4 ? "no more than on Linux" : "MORE than on Linux")}')
echo "   - IsoLens' data: from the 1-hour to the 24-hour recording the anonymous memory and heap grow by $growth_wine MiB"
echo "     offscreen under Wine and $growth_linux MiB on Linux (peak RSS: $peak_wine and $peak_linux MiB): $verdict."
echo "     With the 1-hour recording they are $(data_mib offscreen-hour) MiB under Wine and $(data_mib linux-hour) MiB on Linux: that difference"
echo "     does not grow with the recording (Wine alone keeps about 1.5 MiB anonymous for cmd.exe; the rest are the"
echo "     Windows side's fixed heaps, Qt's and IsoLens', not told apart here)."
echo "     IsoLens' program image is $(mib exe offscreen) MiB under Wine, $(mib exe linux) MiB on Linux."
echo "   - the rest is the platform: Wine $(mib wine offscreen) MiB; Qt $(mib qt offscreen) MiB (Linux: $(mib qt linux)) because Wine copies a DLL"
echo "     linked with 512-byte file alignment into private memory; the C++ runtime $(mib runtime offscreen) MiB, as the build tree"
echo "     loads the toolchain's unstripped libstdc++-6.dll (setup installs it stripped, deploy-runtime.cmake)."
